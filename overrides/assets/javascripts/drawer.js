/*
 * The header's menu button (narrow screens; overrides/partials/header.html).
 *
 * Material opens its menu drawer with a <label> for the hidden checkbox
 * #__drawer, which the keyboard cannot reach. This button toggles the same
 * checkbox (so Material's styles and its overlay work unchanged), says whether
 * the drawer is open (aria-expanded), moves focus into the drawer when it
 * opens, and closes it on Escape or when focus leaves it, back to the button.
 */
(function () {
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector("[data-arc-drawer]");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;

  function sync() {
    button.setAttribute("aria-expanded", String(toggle.checked));
  }

  function set(open) {
    // A click, as Material's own toggles do: it fires the change event Material listens to.
    if (toggle.checked !== open) toggle.click();
    sync();
  }

  button.addEventListener("click", function () {
    set(!toggle.checked);
    if (toggle.checked) {
      var first = drawer.querySelector("a[href]");
      if (first) first.focus();
    }
  });
  // The overlay (a label) and Material's own script change the checkbox too.
  toggle.addEventListener("change", sync);

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && toggle.checked) {
      set(false);
      button.focus();
    }
  });
  drawer.addEventListener("focusout", function (ev) {
    var to = ev.relatedTarget;
    if (toggle.checked && to && !drawer.contains(to) && to !== button) set(false);
  });
})();
