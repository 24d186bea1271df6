/* congxa: small enhancements; every page works without this file. */
(function () {
  "use strict";

  /* The print button: shown only when script runs, it opens the browser's print. */
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  /* A failed form: the error summary takes focus so it is read out first. */
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    /* Each error links to its field: following the link puts the caret there. */
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (field) {
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: "center" });
      }
    });
  }

  /* The phone menu scrolls sideways: keep the focused item fully in view. */
  document.querySelectorAll(".main-nav__list").forEach(function (list) {
    list.addEventListener("focusin", function (event) {
      var item = event.target.closest("li") || event.target;
      item.scrollIntoView({ block: "nearest", inline: "nearest" });
    });
  });
})();
