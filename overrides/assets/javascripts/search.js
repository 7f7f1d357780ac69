/*
 * The header search box: Material's look and strings, Pagefind's index.
 *
 * Pagefind keeps one index per <html lang> and loads only the chunks a query
 * needs, so a reader searches their own language's articles and downloads a
 * small part of the index. What each query becomes is in search-query.js.
 *
 * For the keyboard and assistive technology: Tab goes from the box to each
 * result (so do the arrow keys, as in Material); focus leaving the dialog, or
 * Escape, closes it; narrow screens open it with the header's search button.
 * The count of results is a status message, in the CLDR plural form of the
 * page's language (forms from strings.yml in data-results; the category from
 * Intl.PluralRules, the browser's CLDR rules).
 */
import { plan, run, variantTable } from "./search-query.js";

const STEMMER = new URL("vendor/orama-stemmer-uk.js", import.meta.url);
// Each shown result costs a fragment download (~2-3 KB): show what fills the
// result list, and the next ones only as the reader scrolls to its end.
const PAGE = 6;
const MAX_RESULTS = 50;

const box = document.querySelector("[data-arc-search]");
if (box) setUp(box);

function setUp(box) {
  const input = box.querySelector("[data-arc-search-query]");
  const form = input.form;
  const result = box.querySelector("[data-arc-search-result]");
  const meta = result.querySelector(".md-search-result__meta");
  const list = result.querySelector(".md-search-result__list");
  const toggle = document.getElementById("__search");
  const button = document.querySelector("[data-arc-search-open]");
  const lang = (document.documentElement.lang || "").toLowerCase().split("-")[0];
  const text = box.dataset;
  const bundle = new URL(box.dataset.bundle, location.href);
  const root = new URL(box.dataset.root, location.href);

  let engine = null;
  const load = () =>
    (engine ??= import(new URL("pagefind.js", bundle).href).then(async (pagefind) => {
      // Result URLs are root-relative to the site: prefix the site's own path
      // so a site served under /<repo>/ links its results there.
      await pagefind.options({
        baseUrl: root.pathname,
        excerptLength: 24,
        // Vietnamese is never written without its diacritics: a plain "mong"
        // in a page is no better a match for "mong" than "móng" is. Exact
        // diacritics are ranked by search-query.js instead.
        ranking: lang === "vi" ? { diacriticSimilarity: 0 } : {},
      });
      await pagefind.init();
      return pagefind;
    }));
  let stemmer = null;
  const loadStemmer = () =>
    (stemmer ??= lang === "uk" ? import(STEMMER.href).then((m) => m.stemmer) : Promise.resolve(null));
  // Chinese: which characters stand for which in the other script (search-query.js).
  let variants = null;
  const loadVariants = () =>
    (variants ??=
      lang === "zh"
        ? fetch(new URL("zh-variants.json", bundle))
            .then((r) => (r.ok ? r.json() : null))
            .then(variantTable, () => null)
        : Promise.resolve(null));

  const forms = JSON.parse(text.results);
  const plural = new Intl.PluralRules(lang || undefined);
  const number = new Intl.NumberFormat(lang || undefined);

  const open = (on) => {
    if (toggle) toggle.checked = on;
    button?.setAttribute("aria-expanded", String(on));
  };

  let latest = 0;
  let timer = null;
  // One query at a time: a plan switches Pagefind's diacritics option as it runs.
  let queue = Promise.resolve();
  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(() => show(input.value), 120);
  };

  async function show(query) {
    const ticket = ++latest;
    query = query.trim();
    if (!query) {
      meta.textContent = text.placeholder;
      list.replaceChildren();
      delete result.dataset.query;
      return;
    }
    let found;
    try {
      const [pagefind, stem, table] = await Promise.all([load(), loadStemmer(), loadVariants()]);
      const job = queue.then(() => (ticket === latest ? run(pagefind, plan(query, lang, stem, table)) : []));
      queue = job.catch(() => {});
      found = await job;
      if (ticket !== latest) return;
      const shown = await Promise.all(found.slice(0, PAGE).map((r) => r.data()));
      if (ticket !== latest) return;
      meta.textContent = count(found.length);
      list.replaceChildren(...shown.map(render));
      more(found, PAGE, ticket);
      result.dataset.query = query; // what the list shows results for
    } catch (err) {
      if (ticket !== latest) return;
      console.error(err);
      meta.textContent = text.error;
      list.replaceChildren();
    }
  }

  // The next page of results, fetched when the end of the list scrolls into view.
  function more(found, from, ticket) {
    const end = Math.min(found.length, MAX_RESULTS);
    if (from >= end) return;
    const sentinel = element("li", "md-search-result__item arc-search-more");
    list.append(sentinel);
    const observer = new IntersectionObserver(async (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      try {
        const next = await Promise.all(found.slice(from, Math.min(from + PAGE, end)).map((r) => r.data()));
        if (ticket !== latest) return;
        sentinel.replaceWith(...next.map(render));
        more(found, from + PAGE, ticket);
      } catch (err) {
        console.error(err);
        sentinel.remove();
      }
    });
    observer.observe(sentinel);
  }

  function count(n) {
    if (n === 0) return text.none;
    return (forms[plural.select(n)] ?? forms.other).replace("{count}", number.format(n));
  }

  function render(data) {
    const item = element("li", "md-search-result__item");
    const link = element("a", "md-search-result__link");
    link.href = data.url;
    const article = element("article", "md-search-result__article md-search-result__article--document md-typeset");
    article.append(element("div", "md-search-result__icon md-icon"));
    // Not a heading: the results come before the page's own <h1>.
    const title = element("div", "arc-search-result__title");
    title.textContent = data.meta.title || data.url;
    article.append(title);
    if (data.meta.date) {
      const time = element("time");
      time.dateTime = data.meta.date;
      // The page's own words for its date, a span of days whole (article.html).
      time.textContent = data.meta.when || formatDate(data.meta.date);
      article.append(time);
    }
    const excerpt = element("p");
    excerpt.append(...marked(data.excerpt));
    article.append(excerpt);
    link.append(article);
    item.append(link);
    return item;
  }

  function formatDate(iso) {
    const date = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: "long", timeZone: "UTC" }).format(date);
  }

  // Material opens the search dialog when the box has focus, closes it on
  // Escape, and moves through results with the arrow keys; so do we. Tab
  // moves through the results too, and leaving the dialog closes it.
  input.addEventListener("focus", () => {
    open(true);
    load().catch(() => {});
    loadVariants();
  });
  box.addEventListener("focusout", (ev) => {
    if (ev.relatedTarget && box.contains(ev.relatedTarget)) return;
    // Where focus went is known after the event (a click on nothing focusable leaves it on <body>).
    setTimeout(() => {
      if (toggle?.checked && document.hasFocus() && !box.contains(document.activeElement)) open(false);
    });
  });
  input.addEventListener("input", update);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    list.querySelector("a")?.click();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => {
      show("");
      input.focus();
    });
  });
  result.addEventListener("click", (ev) => {
    if (ev.target.closest("a")) open(false);
  });
  // The header's search button (narrow screens): open the dialog and focus the
  // box in the same task as the tap, or mobile keyboards do not open.
  button?.addEventListener("click", () => {
    open(true);
    input.focus();
  });
  // The dialog's state also changes from Material's labels (its overlay, the back arrow).
  toggle?.addEventListener("change", () => button?.setAttribute("aria-expanded", String(toggle.checked)));
  document.addEventListener("keydown", (ev) => {
    if (ev.metaKey || ev.ctrlKey || ev.altKey || ev.isComposing) return;
    const active = document.activeElement;
    if (toggle?.checked) {
      if (ev.key === "Escape") {
        open(false);
        // Back to the button that opened it where there is one (narrow screens).
        if (button && button.offsetParent !== null) button.focus();
        else input.blur();
      } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        const stops = [input, ...list.querySelectorAll("a")];
        const at = Math.max(0, stops.indexOf(active));
        stops[(at + stops.length + (ev.key === "ArrowUp" ? -1 : 1)) % stops.length].focus();
        ev.preventDefault();
      }
      return;
    }
    const typing = active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
    if (!typing && (ev.key === "/" || ev.key === "s" || ev.key === "f")) {
      open(true); // first: on narrow screens the closed dialog's box cannot take focus
      input.focus();
      input.select();
      ev.preventDefault();
    }
  });
}

function element(tag, className) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  return el;
}

/* Pagefind's excerpt as text nodes and <mark>s only: no other markup survives. */
function marked(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const out = [];
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent));
    }
  }
  return out;
}

