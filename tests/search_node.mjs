// Runs theme/assets/search.js (and search-offers.js, for もしかして) under node on a built
// site's index, for the parity tests.
//
//   node tests/search_node.mjs SITE_DIR < queries.json > answers.json
//
// queries.json: [{"q": "防災", "limit": 10, "kinds": ["event"]}, …]; each answer has what
// `portal search --json` prints: results, count, exact, suggestions, the query searched instead
// (searchedAs, `searched_as`), the query with its kanji numbers in Arabic numerals (alsoSearched,
// `also_searched`), and the index files read. Every query
// starts with an empty cache, as a first search in a new browser tab does.
import { readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const assets = join(here, "..", "theme", "assets");
const { Engine, loadOffers } = await import(pathToFileURL(join(assets, "search.js")).href);
// As the search page loads it after a search that found nothing, given what it uses of search.js.
const offers = await loadOffers(pathToFileURL(join(assets, "search-offers.js")).href);

const site = process.argv[2];
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const queries = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const load = (path) => readFile(join(site, "search", path), "utf8").catch(() => null);

const answers = [];
for (const { q, limit = 10, kinds = null } of queries) {
  const engine = await new Engine(load).init();
  const wanted = kinds && kinds.length ? new Set(kinds) : null;
  let r = await engine.run(q, { kinds: wanted, limit });
  // As the search page: when nothing was found, the query's words split apart are searched
  // instead (its files are read too), or もしかして is offered, each offer searched with the
  // same kinds (words.json and what the offers read are not counted among the files a query
  // reads, as `portal search` does not count them).
  let suggestions = [], searchedAs = null;
  if (!r.candidates) {
    const answer = await offers.respond(engine, q, wanted);
    suggestions = answer.suggestions;
    if (answer.searchedAs) {
      const shown = await engine.run(answer.searchedAs, { kinds: wanted, limit });
      r = { ...shown, files: [...new Set([...r.files, ...shown.files])] };
      searchedAs = answer.searchedAs;
    }
  }
  answers.push({ query: q, searchedAs, alsoSearched: r.alsoSearched ?? null, count: r.candidates, exact: r.exact, more: r.more, results: r.results, suggestions, files: ["meta.json", ...r.files] });
}
process.stdout.write(JSON.stringify(answers));
