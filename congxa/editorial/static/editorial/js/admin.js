// congxa's additions to the Wagtail admin, handed their data in this script
// tag's attributes (no inline script):
// - Vietnamese page addresses: every slug field folds titles with congxa's rule
//   (congxa/vi/text.py SLUG_REPLACEMENTS, in data-slug-formatters) before
//   Wagtail's own urlify runs: "Tin tức - Sự kiện" -> "tin-tuc-su-kien".
// - Words no catalog reaches: the date picker's "Save Selected" button is
//   written into the page by the vendored jQuery plugin (data-save-selected).
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) {
    return;
  }
  var formatters = script.getAttribute("data-slug-formatters");
  var saveSelected = script.getAttribute("data-save-selected");
  var attribute = "data-w-slug-formatters-value";
  var slugFields = '[data-controller~="w-slug"]';

  function each(root, selector, action) {
    if (root.matches && root.matches(selector)) {
      action(root);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll(selector).forEach(action);
    }
  }

  function fix(root) {
    each(root, slugFields, function (input) {
      if (formatters && !input.hasAttribute(attribute)) {
        input.setAttribute(attribute, formatters);
      }
    });
    each(root, ".xdsoft_save_selected", function (button) {
      if (saveSelected && button.textContent !== saveSelected) {
        button.textContent = saveSelected;
      }
    });
  }

  fix(document);
  // Fields and pickers that arrive later (dialogs, forms loaded into the page).
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(fix);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
