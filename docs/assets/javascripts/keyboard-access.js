// Keyboard access to two of Material's header controls that only work with a
// mouse or touch as Material ships them. No requests, no storage.
(function () {
  // 1. The colour-scheme switch is a group of radio buttons, one a scheme, each
  // followed by the label that is its visible button. Material shows the
  // current scheme's label but leaves every radio unchecked, so Tab always lands
  // on the first radio: in the dark scheme its label is hidden (the focus is
  // invisible) and its name, "Byt till mörkt läge", is the opposite of what
  // Enter does. Checking the current scheme's radio makes Tab land on the
  // button that shows, with the right name.
  var palette = document.querySelector("[data-md-component='palette']");
  if (palette) {
    var checkCurrent = function () {
      palette.querySelectorAll("input.md-option").forEach(function (input) {
        var label = input.nextElementSibling;
        if (label && label.tagName === "LABEL" && !label.hidden && !input.checked) {
          input.checked = true;  // a property change: fires no event, changes no scheme
        }
      });
    };
    new MutationObserver(checkCurrent).observe(palette, {
      subtree: true, attributes: true, attributeFilter: ["hidden"]
    });
    checkCurrent();
  }

  // 2. On narrow screens the menu sits in a drawer opened by a label that
  // cannot get focus. Make it a button that says whether the menu is open:
  // Enter (Material already clicks a focused label on Enter) or Space opens
  // and closes the menu, Escape closes it. a11y.css
  // hides the closed drawer, so its links are no invisible focus stops.
  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector(".md-header label[for='__drawer']");
  if (drawer && menu) {
    var sync = function () { menu.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); };
    menu.setAttribute("role", "button");
    menu.setAttribute("tabindex", "0");
    menu.setAttribute("aria-label", "Meny");
    menu.setAttribute("aria-controls", "__drawer");
    drawer.addEventListener("change", sync);
    menu.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        menu.click();
        sync();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        menu.click();
        sync();
        menu.focus();
      }
    });
    sync();
    // A link that gets focus while the drawer is still sliding in lies off
    // screen, so Chromium scrolls the drawer's content sideways to show it; the
    // drawer then opens with its menu scrolled out of sight. The menu never
    // needs a sideways scroll: undo it.
    document.querySelectorAll(".md-sidebar__scrollwrap").forEach(function (wrap) {
      wrap.addEventListener("scroll", function () {
        if (wrap.scrollLeft !== 0) wrap.scrollLeft = 0;
      });
    });
  }
})();
