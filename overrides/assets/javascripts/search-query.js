/*
 * What the search box asks Pagefind for one query, by language. Pure
 * functions, so they are tested on their own (tests/site/test_search_query.py
 * runs them with Node.js).
 *
 * Pagefind keeps one index per <html lang>, folds diacritics, matches the last
 * letters of a word as a prefix, and segments Chinese. On top of that:
 *
 * - uk: Pagefind has no Ukrainian stemmer. Each query word is cut to its stem
 *   (Orama's Ukrainian stemmer, from npm) and the stem is matched as a prefix,
 *   so співпраця finds співпраці and співробітництво finds співробітництва;
 *   words closer in length to the stem rank higher.
 * - vi: folding does not touch đ, a letter of its own: each plain "d" of a
 *   query is also tried as "đ" (Bach Dang -> Bạch Đằng).
 * - zh: articles keep the script they were written in, Simplified or
 *   Traditional. A query is also searched written wholly in Simplified and
 *   wholly in Traditional characters (廣寧 -> 广宁), with the characters the
 *   articles use: the build writes which characters stand for which (OpenCC's
 *   classes, only those the Chinese articles hold) to zh-variants.json, beside
 *   the Chinese search bundle (scripts/site/chinese.py).
 * - Every language: when the query was typed with diacritics (họp), pages with
 *   exactly those come first, before pages that only match once folded (hợp);
 *   a multi-word query, and any Chinese query, ranks the pages holding it as
 *   a phrase first.
 */
export const MAX_VARIANTS = 8;

/*
 * The searches to run, best tier first: [{ text, exact, tier }]. `exact`
 * asks Pagefind not to fold diacritics for that search.
 */
export function plan(query, lang, stemmer, variants) {
  const words = query
    .normalize("NFC")
    .replaceAll('"', " ")
    .toLocaleLowerCase(lang || undefined)
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return [];
  const marked = lang !== "zh" && words.join(" ").normalize("NFD") !== words.join(" ");
  const forms =
    lang === "vi" ? withDStroke(words) : lang === "zh" ? chineseForms(words.join(" "), variants) : [words.join(" ")];
  const wordForms = lang === "uk" && stemmer ? [words.map((w) => ukrainianStem(w, stemmer)).join(" ")] : forms;
  const phrase = lang === "zh" || words.length > 1;
  const searches = [];
  const add = (texts, exact, tier) => texts.forEach((text) => searches.push({ text, exact, tier }));
  if (marked) {
    if (phrase) add(forms.map(quoted), true, 0);
    add(wordForms, true, 1);
  }
  if (phrase) add(forms.map(quoted), false, 2);
  add(wordForms, false, 3);
  return searches;
}

const quoted = (text) => `"${text}"`;

/*
 * A Ukrainian word's stem, to match as a prefix. Orama's stemmer leaves a
 * vowel at the end of some stems (провінції -> провінці, but провінція ->
 * провінц); dropping it lets both forms share one prefix. Short stems are
 * kept whole so a query does not turn into a two-letter prefix.
 */
export function ukrainianStem(word, stemmer) {
  if (!/[\u0400-\u04ff]/.test(word)) return word;
  const stem = stemmer(word).normalize("NFC");
  return stem.length > 4 ? stem.replace(/[аеєиіїоуюяь]$/u, "") : stem;
}

/*
 * zh-variants.json's classes as a lookup: each character -> the characters of
 * its class the articles hold, Simplified first, then Traditional.
 */
export function variantTable(data) {
  const table = new Map();
  for (const row of data?.classes ?? []) {
    const [here, others = ""] = row.split("|");
    const found = [...here];
    for (const ch of [...here, ...others]) table.set(ch, found);
  }
  return table;
}

/*
 * "廣寧" -> ["廣寧", "广宁"]: the query as typed, then wholly in the
 * Simplified and wholly in the Traditional characters the articles use.
 */
export function chineseForms(text, table) {
  if (!table || table.size === 0) return [text];
  const simplified = [];
  const traditional = [];
  for (const ch of text) {
    const found = table.get(ch);
    simplified.push(found ? found[0] : ch);
    traditional.push(found ? found[Math.min(1, found.length - 1)] : ch);
  }
  return [...new Set([text, simplified.join(""), traditional.join("")])];
}

/* ["bach", "dang"] -> ["bach dang", "bach đang"]: each plain d may stand for đ. */
export function withDStroke(words) {
  let forms = [[]];
  for (const word of words) {
    const next = [];
    for (const form of forms) for (const option of dForms(word)) next.push([...form, option]);
    if (next.length > MAX_VARIANTS) {
      // Too many combinations: keep the query as typed and with every d as đ.
      forms = [words, words.map((w) => w.replaceAll("d", "đ"))];
      break;
    }
    forms = next;
  }
  return [...new Set(forms.map((f) => f.join(" ")))];
}

function dForms(word) {
  const chars = [...word];
  const at = chars.flatMap((c, i) => (c === "d" ? [i] : []));
  if (at.length === 0) return [word];
  if (at.length > 2) return [word, word.replaceAll("d", "đ")];
  const out = [];
  for (let mask = 0; mask < 1 << at.length; mask++) {
    const form = [...chars];
    at.forEach((i, bit) => {
      if (mask & (1 << bit)) form[i] = "đ";
    });
    out.push(form.join(""));
  }
  return out;
}

/*
 * Run a plan with the Pagefind API and merge: a page keeps its best tier and,
 * within a tier, its best score. Returns Pagefind results in display order.
 */
export async function run(pagefind, searches) {
  const merged = new Map();
  let exact = false;
  try {
    for (const { text, exact: wantExact, tier } of searches) {
      if (wantExact !== exact) {
        await pagefind.options({ exactDiacritics: wantExact });
        exact = wantExact;
      }
      const found = await pagefind.search(text);
      for (const result of found.results) {
        const seen = merged.get(result.id);
        if (!seen || tier < seen.tier || (tier === seen.tier && result.score > seen.result.score)) {
          merged.set(result.id, { tier, result });
        }
      }
    }
  } finally {
    if (exact) await pagefind.options({ exactDiacritics: false });
  }
  return [...merged.values()].sort((a, b) => a.tier - b.tier || b.result.score - a.result.score).map((m) => m.result);
}
