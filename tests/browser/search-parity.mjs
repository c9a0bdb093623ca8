// Runs the browser search client (themes/default/static/search.js) in Node over a built site's
// index and prints, per query, its ranked hits as JSON lines: {"query", "hits": [{url, score}]}.
// Used by tests/suite/search.rs (parity with `kennisbank search`) and tests/bench/search.sh.
// Usage: node search-parity.mjs <site dir> <limit> <query>...
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { Engine } = require(path.join(here, '../../themes/default/static/search.js'));

const [site, limit, ...queries] = process.argv.slice(2);
const engine = new Engine('/zoeken/index/', async (url) =>
  JSON.parse(await readFile(path.join(site, url), 'utf8')));
for (const query of queries) {
  const { hits } = await engine.search(query, { prefix: false });
  const top = hits.slice(0, Number(limit));
  const docs = await engine.docs(top.map((h) => h.doc));
  console.log(JSON.stringify({
    query,
    hits: top.map((h, i) => ({ url: docs[i].url, score: h.score })),
  }));
}
