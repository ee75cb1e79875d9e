// Bulk actions on a list: the header's box ticks every row on the page, and the bar
// says how many are ticked. Without this script each row is ticked by hand; the form
// works the same. Runs again after htmx swaps the rows in.
(function () {
  "use strict";

  function update() {
    var count = document.querySelector("[data-bulk-count]");
    if (!count) return;
    var ticked = document.querySelectorAll("[data-bulk-item]:checked").length;
    if (!count.hasAttribute("data-empty")) count.setAttribute("data-empty", count.textContent);
    var template = count.getAttribute("data-ticked") || "{n}";
    count.textContent = ticked ? template.replace("{n}", ticked) : count.getAttribute("data-empty");
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("[data-bulk-all]")) {
      var items = document.querySelectorAll("[data-bulk-item]");
      for (var i = 0; i < items.length; i++) items[i].checked = target.checked;
    }
    if (target.matches && (target.matches("[data-bulk-all]") || target.matches("[data-bulk-item]"))) update();
  });
})();
