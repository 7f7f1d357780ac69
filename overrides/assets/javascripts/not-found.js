/*
 * The root 404 page (overrides/404.html). A static host serves it for every
 * missing URL; when that URL is under another language's folder, the page
 * swaps itself for that language's 404 page, keeping the address the reader
 * typed. A classic script in <head>, so the swap starts before the page shows.
 *
 * Its data, on the <script> element: data-base, the site's base path ("/" or
 * "/<repository>/"), and data-prefixes, the other languages' folders ("zh/ uk/").
 */
(function () {
  var data = document.currentScript.dataset;
  var base = data.base, prefixes = data.prefixes.split(" ");
  var path = location.pathname;
  if (path.indexOf(base) !== 0) return;
  var rest = path.slice(base.length);
  for (var i = 0; i < prefixes.length; i++) {
    var prefix = prefixes[i];
    if (prefix && rest.indexOf(prefix) === 0) {
      var root = document.documentElement;
      root.style.visibility = "hidden";
      fetch(base + prefix + "404.html")
        .then(function (r) { if (!r.ok) throw r; return r.text(); })
        .then(function (html) { document.open(); document.write(html); document.close(); })
        .catch(function () { root.style.visibility = ""; });
      return;
    }
  }
})();
