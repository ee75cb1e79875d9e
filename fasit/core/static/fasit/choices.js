// Searchable selects: a <select> that can hold more than ~20 names (an account's owner,
// a buying-group member, who is who in a transcript, a journey's account) gets a search
// box above it that narrows the options as you type — case and accents aside, every
// word must start a word of the name — and picks the first match when the chosen one
// is filtered away (firing "change", so htmx that listens to the select still runs).
// A long list of check boxes (fieldset.checkbox-list) gets the same box. Without this
// script the plain select and boxes work as before. Runs on load and after htmx swaps
// content in.
(function () {
  "use strict";

  var MIN_OPTIONS = 20;

  function fold(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/ø/g, "o").replace(/æ/g, "ae").replace(/ß/g, "ss");
  }

  // Every typed word starts a word of the option ("kunde 1" finds "Kunde 12 AS", not
  // "Kunde 01 AS").
  function matches(text, words) {
    var folded = " " + fold(text).replace(/[^0-9a-z\u00c0-\u024f]+/g, " ");
    for (var i = 0; i < words.length; i++) if (folded.indexOf(" " + words[i]) === -1) return false;
    return true;
  }

  function labelOf(element) {
    if (element.id) {
      var label = document.querySelector('label[for="' + element.id + '"]');
      if (label) return label.textContent.trim();
    }
    var legend = element.querySelector ? element.querySelector("legend") : null;
    return legend ? legend.textContent.trim() : "";
  }

  function box(element) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "choice-filter";
    input.autocomplete = "off";
    var hint = document.body.getAttribute("data-filter-hint") || "Type to narrow the list";
    var name = labelOf(element);
    input.placeholder = hint;
    input.setAttribute("aria-label", name ? name + ": " + hint : hint);
    return input;
  }

  function enhanceSelect(select) {
    var input = box(select);
    if (select.id) input.setAttribute("aria-controls", select.id);
    select.parentNode.insertBefore(input, select);
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var first = null;
      for (var i = 0; i < select.options.length; i++) {
        var option = select.options[i];
        var keep = !option.value || matches(option.text, words);
        option.hidden = !keep;
        // Safari shows hidden options: disable them too (never the chosen one).
        option.disabled = option.getAttribute("data-disabled") === "1" || (!keep && !option.selected);
        if (keep && option.value && first === null) first = option;
      }
      var chosen = select.options[select.selectedIndex];
      if (first && (!chosen || chosen.hidden || !chosen.value)) {
        first.selected = true;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  function enhanceBoxes(fieldset) {
    var input = box(fieldset);
    var legend = fieldset.querySelector("legend");
    fieldset.insertBefore(input, legend ? legend.nextSibling : fieldset.firstChild);
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var labels = fieldset.querySelectorAll("label");
      for (var i = 0; i < labels.length; i++) {
        var checkbox = labels[i].querySelector("input[type=checkbox]");
        labels[i].hidden = !(checkbox && checkbox.checked) && !matches(labels[i].textContent, words);
      }
    });
  }

  function enhance(root) {
    var selects = root.querySelectorAll("main select:not([multiple]):not([data-enhanced])");
    for (var i = 0; i < selects.length; i++) {
      var select = selects[i];
      if (select.options.length <= MIN_OPTIONS && !select.hasAttribute("data-searchable")) continue;
      // A select that already has its own search box (the log form's account picker).
      var before = select.previousElementSibling;
      if (before && before.matches('input[type="search"]')) continue;
      select.setAttribute("data-enhanced", "");
      // Options disabled by the page stay disabled whatever the filter does.
      for (var j = 0; j < select.options.length; j++) {
        if (select.options[j].disabled) select.options[j].setAttribute("data-disabled", "1");
      }
      enhanceSelect(select);
    }
    var lists = root.querySelectorAll("main fieldset.checkbox-list:not([data-enhanced])");
    for (var k = 0; k < lists.length; k++) {
      var list = lists[k];
      if (list.querySelectorAll("input[type=checkbox]").length <= MIN_OPTIONS) continue;
      if (list.querySelector('input[type="search"]')) continue;
      list.setAttribute("data-enhanced", "");
      enhanceBoxes(list);
    }
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSwap", function (event) { enhance(event.target.parentNode || document); });
})();
