// The search page in Debian's chromium: typing shows results (with typos and unfinished words),
// facet filters narrow them with counts, arrow keys move through them, the query lands in the URL,
// and HTML inside content is shown as text, never run. And the header box on any page: nothing is
// downloaded until it is used, then a combobox shows results as you type.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { openGate, closeGate, samplePages, SITE_DIR } from './site.mjs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = process.env.KENNISBANK_BIN || `${ROOT}target/debug/kennisbank`;

let server;
let browser;
before(async () => ({ server, browser } = await openGate()));
after(() => closeGate({ server, browser }));

async function searchPage() {
  const page = await browser.newPage();
  await page.goto(`${server.base}/zoeken/`);
  return page;
}

const firstUrls = (page) =>
  page.$$eval('#zoekresultaten li a', (as) => as.slice(0, 3).map((a) => new URL(a.href).pathname + new URL(a.href).hash));

test('typing the example words finds their page in the top 3', async () => {
  const page = await searchPage();
  const cases = {
    intervisie: '/begrippen/intervisie/',
    kijkwijzer: '/begrippen/kijkwijzer/',
    inductie: '/begrippen/inductie/',
    'éénpitters': '/begrippen/eenpitter/',
    Leeferink: '/bronnen/leeferink-2016/',
    kijkwijzr: '/begrippen/kijkwijzer/', // one missing letter
    intervsie: '/begrippen/intervisie/',
    kijkwij: '/begrippen/kijkwijzer/', // still typing
  };
  for (const [query, url] of Object.entries(cases)) {
    await page.fill('#zoekveld', '');
    await page.type('#zoekveld', query);
    await page.waitForFunction(
      (u) => [...document.querySelectorAll('#zoekresultaten li a')].slice(0, 3).some((a) => a.getAttribute('href') === u),
      url,
      { timeout: 5000 },
    ).catch(() => {});
    assert.ok((await firstUrls(page)).includes(url), `${query}: ${await firstUrls(page)}`);
  }
  const status = await page.textContent('#zoek-status');
  assert.match(status, /\d+ resultat?en?/);
  assert.equal(await page.getAttribute('#zoek-status', 'aria-live'), 'polite');
  assert.match(page.url(), /\?q=kijkwij$/);
  await page.close();
});

test('each result shows a short excerpt that marks the word, its synonym or the compound holding it', async () => {
  const page = await browser.newPage();
  // English finds Dutch through the thesaurus, a word finds the compounds made with it.
  for (const [query, marked] of [['werkdruk', /^werkdruk$/i], ['workload', /^werkdruk$/i], ['mentor', /^werkplekbegeleider/i], ['opleiding', /opleiding/i]]) {
    await page.goto(`${server.base}/zoeken/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('#zoekresultaten li .zoek-fragment');
    const fragments = await page.$$eval('#zoekresultaten li .zoek-fragment', (ps) => ps.slice(0, 3).map((p) => ({
      length: p.textContent.length,
      marks: [...p.querySelectorAll('mark')].map((m) => m.textContent),
    })));
    assert.ok(fragments.every((f) => f.length <= 185), `${query}: excerpts are short: ${fragments.map((f) => f.length)}`);
    assert.ok(fragments.some((f) => f.marks.some((m) => marked.test(m))), `${query}: ${JSON.stringify(fragments)}`);
  }
  assert.match(await page.textContent('#zoek-uitleg'), /minteken/, 'the page says how a query is read');
  await page.close();
});

test('a shared URL restores the query, and a kind filter narrows with counts', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.base}/zoeken/?q=inductie`);
  await page.waitForSelector('#zoekresultaten li');
  await page.waitForSelector('#zoekfilters fieldset[data-facet=kind]');
  const label = await page.textContent('label[for="filter-kind-Bevinding"]');
  const count = Number(label.match(/\((\d+)\)/)[1]);
  assert.ok(count > 0);
  await page.check('#filter-kind-Bevinding');
  await page.waitForFunction(() => /kind=Bevinding/.test(location.search));
  await page.waitForFunction(
    (n) => document.querySelector('#zoek-status').textContent.startsWith(String(n)),
    count,
  );
  const kinds = await page.$$eval('#zoekresultaten .zoek-soort', (s) => s.map((x) => x.textContent));
  assert.ok(kinds.length > 0 && kinds.every((k) => k === 'Bevinding'), kinds.join());
  await page.close();
});

test('findings filter by kind of evidence and by who linked them', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.base}/zoeken/?q=samenwerking`);
  await page.waitForSelector('#zoekfilters fieldset[data-facet=evidence]');
  assert.equal(await page.textContent('fieldset[data-facet=evidence] legend'), 'Soort bewijs');
  assert.equal(await page.textContent('fieldset[data-facet=origin] legend'), 'Koppeling');
  const label = await page.textContent('label[for="filter-origin-redactie"]');
  const count = Number(label.match(/\((\d+)\)/)[1]);
  assert.ok(count > 0, label);
  await page.check('#filter-origin-redactie');
  await page.waitForFunction((n) => document.querySelector('#zoek-status').textContent.startsWith(String(n)), count);
  const kinds = await page.$$eval('#zoekresultaten .zoek-soort', (s) => s.map((x) => x.textContent));
  assert.ok(kinds.length > 0 && kinds.every((k) => k === 'Bevinding'), kinds.join());
  assert.match(page.url(), /origin=redactie/);
  await page.close();
});

test('arrow keys move from the field through the results and back', async () => {
  const page = await searchPage();
  await page.type('#zoekveld', 'intervisie ');
  // Results come as the visitor types: wait for those of the whole query, not of its first letters.
  await page.waitForFunction(() => document.querySelector('#zoekresultaten li a')?.getAttribute('href') === '/begrippen/intervisie/', null, { timeout: 10000 }).catch(() => {});
  await page.keyboard.press('ArrowDown');
  const first = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.equal(first, '/begrippen/intervisie/');
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.notEqual(second, first);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'zoekveld');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/begrippen\/intervisie\/$/);
  await page.close();
});

test('HTML in indexed content is shown as text and never runs', async () => {
  const page = await browser.newPage();
  const evil = '<img src=x onerror="window.__ran=1"><script>window.__ran=2</script>';
  await page.route(/\/zoeken\/index\/docs-0\.[0-9a-f]+\.json$/, async (route) => {
    const res = await route.fetch();
    const rows = await res.json();
    rows.forEach((row) => { row[1] = evil + row[1]; row[4] = evil + ' ' + row[4]; });
    await route.fulfill({ response: res, body: JSON.stringify(rows) });
  });
  await page.goto(`${server.base}/zoeken/?q=effect`);
  await page.waitForSelector('#zoekresultaten li');
  await page.waitForTimeout(300);
  const titles = await page.$$eval('#zoekresultaten li a', (as) => as.map((a) => a.textContent));
  assert.ok(titles.some((t) => t.startsWith('<img src=x')), 'the injected title should show as text');
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.equal(await page.$$eval('#zoekresultaten img, #zoekresultaten script', (e) => e.length), 0);
  await page.close();
});

test('the header box on an effect page searches as you type, loading the index only on first use', async () => {
  const effect = (await samplePages()).find(([name]) => name === 'effect')[1];
  const page = await browser.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${server.base}${effect}`);
  await page.waitForLoadState('networkidle');
  const searchFiles = () => fetched.filter((p) => p.startsWith('/zoeken/index/') || /\/search\.[0-9a-f]+\.js$/.test(p));
  assert.deepEqual(searchFiles(), [], 'a page that is not searched downloads no index and no client');

  const box = '#zoekterm';
  assert.equal(await page.getAttribute(box, 'role'), 'combobox');
  assert.equal(await page.getAttribute(box, 'aria-expanded'), 'false');
  await page.focus(box);
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/zoeken/index/manifest.json')));
  await page.keyboard.type('kijkwijzr'); // one letter missing
  // The panel follows the typing; its last option names the query it shows (a slow machine may still
  // show the results of 'k' when typing ends).
  await page.waitForSelector('#zoeksuggestie-alle[data-url$="?q=kijkwijzr"]');
  assert.equal(await page.getAttribute(box, 'aria-expanded'), 'true');
  assert.equal(await page.isVisible('#zoeksuggesties'), true);
  const urls = await page.$$eval('#zoeksuggesties [role=option]', (os) => os.map((o) => o.dataset.url));
  assert.ok(urls.slice(0, 3).includes('/begrippen/kijkwijzer/'), urls.join());
  // The box reads only the best postings of each word: its count may be a lower bound.
  assert.match(await page.textContent('#zoeksuggesties-status'), /^(Minstens )?\d+ resultat?en?$/);
  assert.equal(await page.getAttribute('#zoeksuggesties-status', 'aria-live'), 'polite');
  assert.ok((await page.textContent('#zoeksuggesties [role=option] mark')).length > 0, 'the excerpt marks the word');

  // Arrow keys move the active option while focus stays in the box; Escape closes the panel.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = await page.getAttribute(box, 'aria-activedescendant');
  assert.equal(await page.getAttribute(`#${second}`, 'aria-selected'), 'true');
  assert.equal(second, await page.$$eval('#zoeksuggesties [role=option]', (os) => os[1].id));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'zoekterm');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.getAttribute(box, 'aria-activedescendant'), null);
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#zoeksuggesties'), false);
  assert.equal(await page.getAttribute(box, 'aria-expanded'), 'false');
  assert.equal(await page.inputValue(box), 'kijkwijzr', 'Escape closes the panel, the text stays');

  // Enter on a chosen option opens it.
  await page.keyboard.press('ArrowDown');
  const chosen = await page.$eval(`#${await page.getAttribute(box, 'aria-activedescendant')}`, (o) => o.dataset.url);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname + u.hash === chosen);

  // Enter without a chosen option goes to the search page with the query.
  await page.fill(box, '');
  await page.focus(box);
  await page.keyboard.type('inductie');
  await page.waitForSelector('#zoeksuggestie-alle[data-url$="?q=inductie"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/zoeken\/\?q=inductie$/);
  await page.waitForSelector('#zoekresultaten li');
  await page.close();
});

test('without JavaScript the header box is a plain form to the search page', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.base}/`);
  assert.equal(await page.getAttribute('#zoekterm', 'role'), null);
  await page.fill('#zoekterm', 'intervisie');
  await page.press('#zoekterm', 'Enter');
  await page.waitForURL(/\/zoeken\/\?q=intervisie$/);
  await context.close();
});

// The Chromium half of the parity test (the Node half is tests/suite/search.rs): on every query of the
// evaluation set, the page's own engine gives `kennisbank search` the same hits in the same order with
// the same scores, as the search page runs it (complete lists, first 20) and as the header box does
// (the shards' best postings, first 8).
const EVAL = readFileSync(`${ROOT}tests/search-eval.tsv`, 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t')[0]);
// Typed halfway, and phrases whose words stand together in some units and apart in others (the
// phrase boost decides their order; the words reversed find the same pairs).
const PARITY_QUERIES = [...EVAL, 'kijkwij', 'samen opl', 'intervisie ', 'oplei',
  'lerende organisatie ', 'organisatie lerende', 'startende leraren', 'praktijk theorie '];

/** Per query, the hits ({url, score}) of the search page's own client in chromium, in both modes. */
async function browserRanking(queries) {
  const page = await searchPage();
  await page.waitForFunction(() => window.kennisbankSearch);
  const ranking = await page.evaluate(async (queries) => {
    const base = document.querySelector('form.zoekpagina').getAttribute('data-search-index');
    const engine = window.kennisbankSearch.engineFor(base);
    const out = {};
    for (const query of queries) {
      out[query] = {};
      for (const [mode, limit] of [['page', 20], ['box', 8]]) {
        const result = await engine.search(query, { prefix: !/\s$/.test(query), limit: mode === 'box' ? limit : undefined });
        const top = result.hits.slice(0, limit);
        const docs = await engine.docs(top.map((h) => h.unit));
        out[query][mode] = top.map((h, i) => ({ url: docs[i].url, score: h.score }));
      }
    }
    return out;
  }, queries);
  await page.close();
  return ranking;
}

async function terminalRanking(query) {
  const { stdout } = await promisify(execFile)(BIN, ['search', query, '--json', '--limit', '20', '--index', SITE_DIR]);
  return stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)).map((h) => ({ url: h.url, score: h.score }));
}

test('the search client in chromium gives the terminal\'s results on the whole evaluation set', async () => {
  const browserTop = await browserRanking(PARITY_QUERIES);
  for (const query of PARITY_QUERIES) {
    const terminal = await terminalRanking(query);
    assert.deepEqual(browserTop[query].page, terminal, `${query} (search page)`);
    assert.deepEqual(browserTop[query].box, terminal.slice(0, 8), `${query} (header box)`);
  }
  // Where the words stand together wins: the effect named "lerende organisatie" comes first (the
  // words apart, more often, ranked an article above it before the phrase boost).
  assert.equal(browserTop['lerende organisatie '].page[0].url, '/effecten/lerende-organisatie/');
});
