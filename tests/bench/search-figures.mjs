// Figures for the browser search index of a built site: size on disk and gzipped, bytes
// (gzipped) a first one-word query downloads, and query latency of the client in Node once loaded.
// Usage: node search-figures.mjs <site dir> <word>...
import { createRequire } from 'node:module';
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const jsPath = path.join(here, '../../themes/default/static/search.js');
const { Engine } = require(jsPath);
const [site, ...words] = process.argv.slice(2);
const dir = path.join(site, 'zoeken/index');
let raw = 0, gz = 0, files = 0;
for (const f of await readdir(dir)) {
  const b = await readFile(path.join(dir, f));
  raw += b.length; gz += gzipSync(b).length; files++;
}
const js = gzipSync(await readFile(jsPath)).length;
console.log(`index: ${files} files, ${(raw / 1024).toFixed(1)} kB on disk, ${(gz / 1024).toFixed(1)} kB gzipped; search.js ${(js / 1024).toFixed(1)} kB gzipped`);
for (const word of words) {
  let bytes = js;
  const engine = new Engine('/zoeken/index/', async (url) => {
    const b = await readFile(path.join(site, url));
    bytes += gzipSync(b).length;
    return JSON.parse(b);
  });
  const { hits } = await engine.search(word, { prefix: true });
  await engine.docs(hits.slice(0, 10).map((h) => h.doc));
  const t0 = process.hrtime.bigint();
  const n = 50;
  for (let i = 0; i < n; i++) await engine.search(word, { prefix: true });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / n;
  console.log(`first query "${word}": ${(bytes / 1024).toFixed(1)} kB gzipped (js + manifest + shards + doc chunks of top 10), ${hits.length} hits; ${ms.toFixed(2)} ms per query once loaded`);
}
