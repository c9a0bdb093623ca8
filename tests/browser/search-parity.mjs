// Runs the browser search client (themes/default/static/search.js) in Node over a built site's
// index and prints, per query, its ranked hits as JSON lines:
// {"query", "mode", "hits": [{url, unit, matched, score}], "complete"}. Each query runs as the search
// page runs it (complete lists) and as the header box does (at most 8 hits, the shards' best
// postings only). Used by tests/suite/search.rs: the terminal must give the same.
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
  for (const [mode, options] of [['page', {}], ['box', { limit: 8 }]]) {
    // As the page does: the last word is still being typed unless a space follows it.
    const result = await engine.search(query, { prefix: !/\s$/.test(query), ...options });
    const top = result.hits.slice(0, mode === 'box' ? 8 : Number(limit));
    const docs = await engine.docs(top.map((h) => h.unit));
    console.log(JSON.stringify({
      query,
      mode,
      complete: result.complete,
      hits: top.map((h, i) => ({ url: docs[i].url, unit: h.unit, matched: h.matched, score: h.score })),
    }));
  }
}
