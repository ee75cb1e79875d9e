// Search everything: Ctrl-K (⌘-K on a Mac) or the bar's search link opens the search
// dialog; results come as you type (htmx, /search/dropdown/). Arrow keys move through
// them (a combobox with aria-activedescendant), Enter opens the chosen one or, with
// none chosen, the full results page; Esc closes (the dialog's own behaviour).
// Without this script the link opens the search page, which works on its own.
(function () {
  "use strict";

  function dialog() { return document.getElementById("search-dialog"); }
  function input() { return document.getElementById("search-dialog-q"); }
  function options() {
    return Array.prototype.slice.call(document.querySelectorAll("#search-dialog-results [role=option]"));
  }

  function open() {
    var d = dialog();
    if (!d || typeof d.showModal !== "function") return false;
    if (!d.open) d.showModal();
    input().focus();
    input().select();
    return true;
  }

  function choose(index) {
    var all = options();
    var q = input();
    all.forEach(function (o, i) { o.setAttribute("aria-selected", i === index ? "true" : "false"); });
    if (index >= 0 && all[index]) {
      q.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    } else {
      q.removeAttribute("aria-activedescendant");
    }
  }

  function current() {
    var all = options();
    for (var i = 0; i < all.length; i++) if (all[i].getAttribute("aria-selected") === "true") return i;
    return -1;
  }

  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "k" || event.key === "K")) {
      if (open()) event.preventDefault();
    }
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.search-link") : null;
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && open()) event.preventDefault();
    var d = dialog();
    // A click on the backdrop (outside the dialog's box) closes it.
    if (d && d.open && event.target === d) d.close();
  });

  document.addEventListener("keydown", function (event) {
    if (event.target !== input()) return;
    var all = options();
    var at = current();
    if (event.key === "ArrowDown" && all.length) {
      choose(at + 1 < all.length ? at + 1 : 0);
      event.preventDefault();
    } else if (event.key === "ArrowUp" && all.length) {
      choose(at > 0 ? at - 1 : all.length - 1);
      event.preventDefault();
    } else if (event.key === "Enter" && at >= 0) {
      window.location.href = all[at].href;
      event.preventDefault();
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (!event.target || event.target.id !== "search-dialog-results") return;
    var q = input();
    var list = document.getElementById("search-listbox");
    q.setAttribute("aria-expanded", list ? "true" : "false");
    if (list) q.setAttribute("aria-controls", "search-listbox"); else q.removeAttribute("aria-controls");
    choose(-1);
  });
})();
