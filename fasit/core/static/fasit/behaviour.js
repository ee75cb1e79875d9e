// Small behaviours that used to be inline on* handlers, kept here so the
// Content-Security-Policy can forbid inline script:
//   data-autosubmit       on a <select>: submit its form when the choice changes
//   data-select-on-click  on an <input>: select its text when clicked (copy a link)
//   data-back             on a link: go back in history (the href is the fallback)
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el instanceof HTMLElement && el.hasAttribute("data-autosubmit") && el.form) {
      el.form.submit();
    }
  });

  document.addEventListener("click", function (event) {
    var el = event.target;
    if (!(el instanceof Element)) return;
    if (el.hasAttribute("data-select-on-click") && typeof el.select === "function") {
      el.select();
      return;
    }
    var back = el.closest("a[data-back]");
    if (back && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
})();
