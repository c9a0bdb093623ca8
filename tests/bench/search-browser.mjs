// Search figures for built sites, kennisbank's index next to Pagefind's, in Debian's chromium:
// index size (on disk and gzipped), bytes a first one-word query downloads (median over 12 words:
// 4 of high, 4 of middle, 4 of low frequency, and per group), and the time from the input event
// to the results in the DOM once loaded (median over the same words).
// Run by tests/bench/search.sh, which builds the sites and runs Pagefind on them first.
// Usage: node search-browser.mjs <label>=<site dir>...   (query words from src/bin/kennisbank-generate/words.txt)
import { createRequire } from 'node:module';
import { readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, PAGEFIND_PAGE } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '../..');
const require = createRequire(path.join(root, 'tests/browser/package.json'));
const { chromium } = require('playwright-core');

const SHOWN = 8; // results a visitor sees first: the header box shows 8, Pagefind gets 8 fragments
const PER_BAND = 4;

/** Four query words of high, four of middle and four of low frequency in the shared vocabulary
 * (both sites use it; it is sorted most frequent first): evenly spread over its first 5 %, the
 * 5 % around its middle, and its last 5 %. */
async function queryWords(stopWords) {
  const words = (await readFile(path.join(root, 'src/bin/kennisbank-generate/words.txt'), 'utf8'))
    .split('\n')
    .filter((w) => /^\p{L}{6,}$/u.test(w) && !stopWords.has(w));
  const band = (from) => Array.from({ length: PER_BAND }, (_, i) =>
    words[Math.floor(words.length * (from + (0.05 * i) / PER_BAND))]);
  return { high: band(0), middle: band(0.475), low: band(0.95) };
}

/** What a host that compresses JSON and scripts sends: gzip, unless the file is gzip already. */
const wire = (bytes) => Math.min(bytes.length, gzipSync(bytes, { level: 9 }).length);

async function files(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else out.push(p);
  }
  return out;
}

async function sizes(list) {
  let raw = 0, gz = 0;
  for (const f of list) {
    const b = await readFile(f);
    raw += b.length;
    gz += wire(b);
  }
  return { n: list.length, raw, gz };
}

const tools = {
  kennisbank: {
    page: async (site) => {
      const effects = (await readdir(path.join(site, 'effecten'), { withFileTypes: true })).filter((e) => e.isDirectory());
      return `/effecten/${effects[0].name}/`;
    },
    box: '#zoekterm',
    counts: (p) => p.startsWith('/zoeken/index/') || /^\/search(-box|-page)?\.[0-9a-f]+\.js$/.test(p),
    // The header box: done when the panel has been refilled (its last option is always there).
    timed: async (page, word) => page.evaluate((w) => new Promise((resolve, reject) => {
      const input = document.getElementById('zoekterm');
      const panel = document.getElementById('zoeksuggesties');
      const obs = new MutationObserver(() => {
        if (!panel.querySelector('#zoeksuggestie-alle')) return;
        void panel.offsetHeight; // include style and layout
        obs.disconnect();
        resolve({ ms: performance.now() - t0, n: panel.querySelectorAll('[role=option]').length - 1 });
      });
      obs.observe(panel, { childList: true });
      setTimeout(() => reject(new Error('no results for ' + w)), 10000);
      input.value = w;
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }), word),
    loaded: (page) => page.waitForSelector('#zoeksuggesties [role=option]'),
  },
  pagefind: {
    page: async () => '/_bench/pagefind.html',
    box: '#q',
    counts: (p) => p.startsWith('/pagefind/'),
    timed: async (page, word) => page.evaluate((w) => new Promise((resolve, reject) => {
      const input = document.getElementById('q');
      const r = document.getElementById('r');
      const before = r.dataset.done;
      const obs = new MutationObserver(() => {
        if (r.dataset.done === before) return;
        void r.offsetHeight;
        obs.disconnect();
        resolve({ ms: performance.now() - t0, n: r.childElementCount });
      });
      obs.observe(r, { attributes: true, attributeFilter: ['data-done'] });
      setTimeout(() => reject(new Error('no results for ' + w)), 10000);
      input.value = w;
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }), word),
    loaded: (page) => page.waitForFunction(() => document.getElementById('r').dataset.done),
  },
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kB = (b) => (b / 1024).toFixed(1);

async function measure(browser, base, site, name, words) {
  const tool = tools[name];
  const url = base + (await tool.page(site));
  // Bytes of a first query: a fresh browser context (empty cache) per word.
  const firstBytes = [];
  for (const word of words) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched = [];
    page.on('requestfinished', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await page.fill(tool.box, word);
    await tool.loaded(page);
    await page.waitForLoadState('networkidle');
    let bytes = 0;
    for (const p of fetched.filter(tool.counts)) bytes += wire(await readFile(path.join(site, p)));
    firstBytes.push(bytes);
    await context.close();
  }
  // Latency once loaded: every word once to load what it needs, then timed.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.focus(tool.box);
  for (const word of words) await tool.timed(page, word);
  const times = [];
  const counts = [];
  for (const word of words) {
    const { ms, n } = await tool.timed(page, word);
    times.push(ms);
    counts.push(n);
  }
  await context.close();
  return { firstBytes, times, counts };
}

const firstSite = process.argv[2].split('=')[1];
const manifest = JSON.parse(await readFile(path.join(firstSite, 'zoeken/index/manifest.json'), 'utf8'));
const bands = await queryWords(new Set(manifest.stop_words));
const words = [...bands.high, ...bands.middle, ...bands.low];
for (const [name, list] of Object.entries(bands)) console.log(`${name}-frequency words: ${list.join(' ')}`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const arg of process.argv.slice(2)) {
  const [label, site] = arg.split('=');
  await mkdir(path.join(site, '_bench'), { recursive: true });
  await writeFile(path.join(site, '_bench/pagefind.html'), PAGEFIND_PAGE(SHOWN));
  const pages = (await files(site)).filter((f) => f.endsWith('.html') && !f.includes('/_bench/')).length;
  const units = JSON.parse(await readFile(path.join(site, 'zoeken/index/manifest.json'), 'utf8')).units;
  const ours = await sizes([
    ...(await files(path.join(site, 'zoeken/index'))),
    ...(await files(site)).filter((f) => /\/search(-box|-page)?\.[0-9a-f]+\.js$/.test(f)),
  ]);
  // Pagefind: what its JS API needs (not its UI bundles, not the wasm of other languages).
  const pf = await sizes((await files(path.join(site, 'pagefind'))).filter((f) => {
    const b = path.basename(f);
    return !/^pagefind-(ui|component-ui|modular-ui|highlight)/.test(b) && !/^wasm\./.test(b) || b === 'wasm.nl.pagefind';
  }));
  const server = await serve(site);
  console.log(`\n## ${label}: ${pages} HTML pages, ${units} search units`);
  console.log('| | kennisbank | Pagefind | ratio |\n|---|---|---|---|');
  console.log(`| index on disk | ${kB(ours.raw)} kB in ${ours.n} files | ${kB(pf.raw)} kB in ${pf.n} files | ${(ours.raw / pf.raw).toFixed(2)} |`);
  console.log(`| index gzipped | ${kB(ours.gz)} kB | ${kB(pf.gz)} kB | ${(ours.gz / pf.gz).toFixed(2)} |`);
  const res = {};
  for (const name of ['kennisbank', 'pagefind']) res[name] = await measure(browser, server.base, site, name, words);
  const k = res.kennisbank, p = res.pagefind;
  const bytesRow = (label, from, to) => {
    const kb = k.firstBytes.slice(from, to), pb = p.firstBytes.slice(from, to);
    console.log(`| ${label} | ${kB(median(kb))} kB; ${kB(Math.max(...kb))} kB | ${kB(median(pb))} kB; ${kB(Math.max(...pb))} kB | ${(median(kb) / median(pb)).toFixed(2)} |`);
  };
  bytesRow(`first one-word query, bytes on the wire, all ${words.length} words (median; max)`, 0, words.length);
  bytesRow('… the high-frequency words', 0, PER_BAND);
  bytesRow('… the middle-frequency words', PER_BAND, 2 * PER_BAND);
  bytesRow('… the low-frequency words', 2 * PER_BAND, 3 * PER_BAND);
  console.log(`| input event → ${SHOWN} results in the DOM, once loaded (median; max) | ${median(k.times).toFixed(1)} ms; ${Math.max(...k.times).toFixed(1)} ms | ${median(p.times).toFixed(1)} ms; ${Math.max(...p.times).toFixed(1)} ms | ${(median(k.times) / median(p.times)).toFixed(2)} |`);
  if (process.env.VERBOSE) {
    for (let i = 0; i < words.length; i++) {
      console.log(`  ${words[i]}: ours ${kB(k.firstBytes[i])} kB ${k.times[i].toFixed(1)} ms (${k.counts[i]} shown); pagefind ${kB(p.firstBytes[i])} kB ${p.times[i].toFixed(1)} ms (${p.counts[i]} shown)`);
    }
  }
  server.close();
}
await browser.close();
