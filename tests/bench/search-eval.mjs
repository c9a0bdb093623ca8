// Hit rates on the evaluation set (tests/search-eval.tsv): for each query, is an expected page among
// the first 1 and the first 3 results? Three engines on the same built site: `kennisbank search` in
// the terminal, kennisbank's client in Debian's chromium (as the search page runs it), and Pagefind
// (its JS API, in the same browser). Run by tests/bench/search.sh after it built the site and ran
// Pagefind on it.
// Usage: node search-eval.mjs <site dir> <kennisbank binary>   (VERBOSE=1: every miss)
// The terminal reads the built site's index (`--index`): the same engine and files as a search
// from content/, without building the index again for each query.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, PAGEFIND_PAGE } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '../..');
const require = createRequire(path.join(root, 'tests/browser/package.json'));
const { chromium } = require('playwright-core');

const [site, kennisbank] = process.argv.slice(2);
const TOP = 3;

const cases = (await readFile(path.join(root, 'tests/search-eval.tsv'), 'utf8'))
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [query, expected, kind] = l.split('\t');
    return { query, expected: expected.split('|'), kind };
  });

/** The page of a result URL: no fragment, no index.html, no origin. */
const pageOf = (url) => new URL(url, 'http://x').pathname.replace(/index\.html$/, '');

const engines = {
  terminal: async () => {
    const out = [];
    for (const { query } of cases) {
      const stdout = execFileSync(kennisbank, ['search', query, '--json', '--limit', String(TOP), '--index', site], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      out.push(stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l).url));
    }
    return out;
  },
  browser: async (browser, base) => {
    const page = await browser.newPage();
    await page.goto(`${base}/zoeken/`);
    await page.waitForFunction(() => window.kennisbankSearch);
    const out = await page.evaluate(async ({ queries, top }) => {
      const engine = window.kennisbankSearch.engineFor('/zoeken/index/');
      const all = [];
      for (const q of queries) {
        // As the search page runs a query: the last word is unfinished unless a space follows it.
        const { hits } = await engine.search(q, { prefix: !/\s$/.test(q) });
        const docs = await engine.docs(hits.slice(0, top).map((h) => h.doc));
        all.push(docs.map((d) => d.url));
      }
      return all;
    }, { queries: cases.map((c) => c.query), top: TOP });
    await page.close();
    return out;
  },
  pagefind: async (browser, base) => {
    const page = await browser.newPage();
    await page.goto(`${base}/_bench/pagefind.html`);
    await page.waitForFunction(() => window.benchReady);
    const out = await page.evaluate(async ({ queries, top }) => {
      const pagefind = await import('/pagefind/pagefind.js');
      const all = [];
      for (const q of queries) {
        const search = await pagefind.search(q);
        const data = await Promise.all(search.results.slice(0, top).map((r) => r.data()));
        all.push(data.map((d) => d.url));
      }
      return all;
    }, { queries: cases.map((c) => c.query), top: TOP });
    await page.close();
    return out;
  },
};

await mkdir(path.join(site, '_bench'), { recursive: true });
await writeFile(path.join(site, '_bench/pagefind.html'), PAGEFIND_PAGE(TOP));
const server = await serve(site);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const results = {};
for (const [name, run] of Object.entries(engines)) results[name] = await run(browser, server.base);
await browser.close();
server.close();

const kinds = [...new Set(cases.map((c) => c.kind))];
const rank = (urls, expected) => {
  const i = urls.map(pageOf).findIndex((u) => expected.includes(u));
  return i === -1 ? Infinity : i + 1;
};
console.log(`\n## Evaluation set: ${cases.length} queries (tests/search-eval.tsv), hits at rank 1 and within the top ${TOP}`);
console.log(`| engine | top 1 | top ${TOP} | ${kinds.map((k) => `${k} (${cases.filter((c) => c.kind === k).length})`).join(' | ')} |`);
console.log(`|---|---|---|${kinds.map(() => '---').join('|')}|`);
for (const [name, lists] of Object.entries(results)) {
  const ranks = cases.map((c, i) => rank(lists[i], c.expected));
  const at = (n, only) => ranks.filter((r, i) => r <= n && (!only || cases[i].kind === only)).length;
  const pct = (n) => `${n}/${cases.length} (${Math.round((100 * n) / cases.length)}%)`;
  console.log(`| ${name} | ${pct(at(1))} | ${pct(at(TOP))} | ${kinds.map((k) => `${at(1, k)} / ${at(TOP, k)}`).join(' | ')} |`);
}
console.log(`(per kind: top 1 / top ${TOP})`);
if (process.env.VERBOSE) {
  for (const [name, lists] of Object.entries(results)) {
    console.log(`\n${name}, not in the top ${TOP}:`);
    cases.forEach((c, i) => {
      if (rank(lists[i], c.expected) > TOP) console.log(`  ${c.query} → ${lists[i].join(' ') || '(nothing)'}  (want ${c.expected.join(' or ')})`);
    });
  }
}
