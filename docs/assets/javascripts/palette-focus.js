// Keyboard access to Material's colour-scheme switch. The switch is a group of
// radio buttons, one a scheme, each followed by the label that is its visible
// button; Material shows the current scheme's label but leaves every radio
// unchecked. Tab then always lands on the first radio: in the dark scheme its
// label is hidden (the focus is invisible) and its name, "Byt till mörkt läge",
// is the opposite of what Enter does. Checking the current scheme's radio makes
// Tab land on the button that shows, with the right name.
(function () {
  var form = document.querySelector("[data-md-component='palette']");
  if (!form) return;
  function checkCurrent() {
    form.querySelectorAll("input.md-option").forEach(function (input) {
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL" && !label.hidden && !input.checked) {
        input.checked = true;  // a property change: fires no event, changes no scheme
      }
    });
  }
  new MutationObserver(checkCurrent).observe(form, {
    subtree: true, attributes: true, attributeFilter: ["hidden"]
  });
  checkCurrent();
})();
