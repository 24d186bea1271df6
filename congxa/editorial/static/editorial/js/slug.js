// Vietnamese page addresses: every slug field of the admin folds titles with
// congxa's rule (congxa/vi/text.py SLUG_REPLACEMENTS, handed over in this
// script tag's data-slug-formatters) before Wagtail's own urlify runs, so
// "Tin tức - Sự kiện" becomes "tin-tuc-su-kien", not "tin-tc-s-kin".
(function () {
  "use strict";
  var script = document.currentScript;
  var formatters = script && script.getAttribute("data-slug-formatters");
  if (!formatters) {
    return;
  }
  var attribute = "data-w-slug-formatters-value";
  var selector = '[data-controller~="w-slug"]';

  function give(root) {
    if (root.matches && root.matches(selector) && !root.hasAttribute(attribute)) {
      root.setAttribute(attribute, formatters);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll(selector).forEach(function (input) {
        if (!input.hasAttribute(attribute)) {
          input.setAttribute(attribute, formatters);
        }
      });
    }
  }

  give(document);
  // Slug fields that arrive later (dialogs, forms loaded into the page).
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(give);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
