// On a phone a table's header row is hidden (one card per row), and with it the
// sortable column headers ({% sort_header %}). This puts a "Sort by" choice above such
// a table, built from those headers (their names, their links, aria-sort for the
// current order); choosing opens the list in that order, filters kept. Runs on load
// and after htmx swaps rows in. Without this script the phone shows the list in the
// order chosen on a larger screen, or the default.
(function () {
  "use strict";

  var count = 0;

  function text(name, column) {
    var template = document.body.getAttribute(name) || "{column}";
    return template.replace("{column}", column);
  }

  function build(table) {
    var links = table.querySelectorAll("thead th a.sort");
    var before = table.previousElementSibling;
    if (!links.length || (before && before.classList.contains("sort-choice"))) return;
    count += 1;
    var wrap = document.createElement("div");
    wrap.className = "sort-choice";
    var label = document.createElement("label");
    var select = document.createElement("select");
    select.id = "sort-choice-" + count;
    label.htmlFor = select.id;
    label.textContent = text("data-sort-label", "");
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var url = new URL(link.href, window.location.href);
      var key = (url.searchParams.get("sort") || "").replace(/^-/, "");
      var column = link.textContent.trim();
      var current = link.closest("th").getAttribute("aria-sort");
      [["", "data-sort-ascending", "ascending"], ["-", "data-sort-descending", "descending"]].forEach(function (way) {
        var option = document.createElement("option");
        url.searchParams.set("sort", way[0] + key);
        option.value = url.pathname + url.search;
        option.textContent = text(way[1], column);
        option.selected = current === way[2];
        select.appendChild(option);
      });
    }
    select.addEventListener("change", function () { window.location.href = select.value; });
    wrap.appendChild(label);
    wrap.appendChild(select);
    table.parentNode.insertBefore(wrap, table);
  }

  function all(root) {
    var tables = (root || document).querySelectorAll("table.responsive");
    for (var i = 0; i < tables.length; i++) build(tables[i]);
  }

  document.addEventListener("DOMContentLoaded", function () { all(document); });
  document.addEventListener("htmx:afterSwap", function (event) { all(event.target.parentNode || document); });
})();
