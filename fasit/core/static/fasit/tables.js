// On a phone, table.responsive shows each row as a card and hides the header row; this
// gives every cell its column's name (data-label, shown by fasit.css) so no value is
// left without its label. It runs on load and after htmx swaps rows in.
(function () {
  "use strict";

  function label(table) {
    var heads = table.tHead ? table.tHead.rows[0] : null;
    if (!heads) return;
    var names = [];
    for (var i = 0; i < heads.cells.length; i++) {
      var cell = heads.cells[i];
      var name = (cell.getAttribute("data-label") || cell.textContent || "").trim();
      for (var span = 0; span < (cell.colSpan || 1); span++) names.push(name);
    }
    for (var b = 0; b < table.tBodies.length; b++) {
      var rows = table.tBodies[b].rows;
      for (var r = 0; r < rows.length; r++) {
        var column = 0;
        for (var c = 0; c < rows[r].cells.length; c++) {
          var td = rows[r].cells[c];
          var text = names[column];
          if (text && td.tagName === "TD" && !td.hasAttribute("data-label") && (td.colSpan || 1) === 1) {
            td.setAttribute("data-label", text);
          }
          column += td.colSpan || 1;
        }
      }
    }
  }

  function labelAll(root) {
    var scope = root && root.querySelectorAll ? root : document;
    var tables = scope.querySelectorAll("table.responsive");
    for (var i = 0; i < tables.length; i++) label(tables[i]);
    if (scope.closest) {
      var parent = scope.closest("table.responsive");
      if (parent) label(parent);
    }
  }

  document.addEventListener("DOMContentLoaded", function () { labelAll(document); });
  document.addEventListener("htmx:afterSwap", function (event) { labelAll(event.target); });
})();
