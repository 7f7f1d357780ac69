/*
 * Read side by side (overrides/parallel.html): pointing at or focusing a
 * paragraph highlights its counterpart, the other cell of its row. The rows
 * are static HTML; without this script the page reads the same, only without
 * the highlight.
 */
(function () {
  var rows = document.querySelector("[data-arc-side-by-side]");
  if (!rows) return;
  var hovered = null;
  var focused = null;

  function cellOf(node) {
    return node && node.closest ? node.closest(".arc-sbs__cell") : null;
  }

  function show() {
    var marked = rows.querySelectorAll(".arc-sbs__cell--active, .arc-sbs__cell--counterpart");
    for (var i = 0; i < marked.length; i++) {
      marked[i].classList.remove("arc-sbs__cell--active", "arc-sbs__cell--counterpart");
    }
    [hovered, focused].forEach(function (cell) {
      if (!cell) return;
      cell.classList.add("arc-sbs__cell--active");
      var cells = cell.parentNode.querySelectorAll(".arc-sbs__cell");
      for (var j = 0; j < cells.length; j++) {
        if (cells[j] !== cell) cells[j].classList.add("arc-sbs__cell--counterpart");
      }
    });
  }

  rows.addEventListener("mouseover", function (event) {
    var cell = cellOf(event.target);
    if (cell !== hovered) {
      hovered = cell;
      show();
    }
  });
  rows.addEventListener("mouseleave", function () {
    hovered = null;
    show();
  });
  rows.addEventListener("focusin", function (event) {
    focused = cellOf(event.target);
    show();
  });
  rows.addEventListener("focusout", function (event) {
    if (!rows.contains(event.relatedTarget)) {
      focused = null;
      show();
    }
  });
})();
