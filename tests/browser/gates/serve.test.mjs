// Gate: `kennisbank serve` in a real browser. The server runs on a free port of 127.0.0.1 against
// a temporary copy of the fixture site (tests/fixtures/site + themes/), and chromium keeps a page
// open while files change: an edit reloads the page with the new text at the same scroll
// position; a broken file shows the overlay (file:line:col and hint, close button focused); the
// fix removes it; a stylesheet edit swaps the stylesheet without a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch } from './site.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = process.env.KENNISBANK_BIN || join(ROOT, 'target/debug/kennisbank');
const PAGE_FILE = 'content/paginas/over.md';
const WAIT = 30_000;

let dir, server, base, browser, page;

/** Saves the way editors do: a temporary file beside the target, renamed over it. */
async function save(relative, text) {
  const path = join(dir, relative);
  await writeFile(path + '.tmp', text);
  await rename(path + '.tmp', path);
}

/** Polls `fn` in the page until it returns true; survives the page reloading meanwhile. */
async function until(fn, arg, what) {
  const deadline = Date.now() + WAIT;
  for (;;) {
    try {
      if (await page.evaluate(fn, arg)) return;
    } catch {
      // The page was navigating: its old context is gone; ask the new one.
    }
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kennisbank-serve-'));
  await cp(join(ROOT, 'tests/fixtures/site'), dir, { recursive: true });
  await cp(join(ROOT, 'themes'), join(dir, 'themes'), { recursive: true });
  // A page long enough to scroll.
  const paragraphs = Array.from({ length: 80 }, (_, i) => `Alinea ${i + 1} van een lange pagina.`);
  const original = await readFile(join(dir, PAGE_FILE), 'utf8');
  await writeFile(join(dir, PAGE_FILE), original + '\n' + paragraphs.join('\n\n') + '\n');
  // Without the locale variables the messages are in the site's language, Dutch.
  const env = { ...process.env, NO_COLOR: '1' };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) delete env[name];
  server = spawn(BIN, ['serve', '--port', '0', '--root', dir], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stderr.on('data', (chunk) => process.stderr.write(`[serve] ${chunk}`));
  base = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error('serve printed no URL')), 120_000);
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    createInterface({ input: server.stdout }).on('line', (line) => {
      const url = line.split(/\s+/).find((w) => w.startsWith('http://'));
      if (url) {
        clearTimeout(timer);
        resolveUrl(url.replace(/\/$/, ''));
      }
    });
  });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1000, height: 500 } });
  await page.goto(base + '/over/');
  // The live script is connected once its event stream has said hello.
  await page.waitForFunction(() => document.querySelector('script[src*="__kennisbank/live.js"]'));
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('an edit reloads the page with the new text at the same scroll position', async () => {
  await until(() => document.readyState === 'complete', null, 'the page has loaded');
  await page.evaluate(() => window.scrollTo(0, 900));
  const before = await page.evaluate(() => window.scrollY);
  assert.ok(before > 500, `the page scrolls (scrollY ${before})`);
  await page.evaluate(() => (window.kbNotReloaded = true));
  const text = await readFile(join(dir, PAGE_FILE), 'utf8');
  await save(PAGE_FILE, text.replace('Alinea 1 van', 'Bewerkte alinea 1 van'));
  await until(
    () => !window.kbNotReloaded && document.body.innerText.includes('Bewerkte alinea 1 van'),
    null,
    'the page reloaded with the edit',
  );
  await until((y) => Math.abs(window.scrollY - y) < 2, before, `scrollY is back at ${before}`);
});

test('a broken file shows the overlay with file:line:col and hint; the fix removes it', async () => {
  const good = await readFile(join(dir, PAGE_FILE), 'utf8');
  await page.evaluate(() => (window.kbNotReloaded = true));
  await save(PAGE_FILE, good.replace('title: Over deze site', 'title: "Over deze site'));
  await page.waitForSelector('#kennisbank-overlay', { timeout: WAIT });
  const overlay = await page.locator('#kennisbank-overlay').innerText();
  assert.match(overlay, /content\/paginas\/over\.md:2:8/, overlay);
  // Dutch, the site's language; every word comes from the server.
  const title = await page.locator('#kennisbank-overlay-title').textContent();
  assert.match(title, /^Build mislukt: (1 fout|\d+ fouten)$/, JSON.stringify(title));
  const heading = await page.locator('#kennisbank-overlay h3').first().textContent();
  assert.match(heading, /^fout \[[a-z-]+\] in content\/paginas\/over\.md:2:8$/, JSON.stringify(heading));
  assert.match(overlay, /tip: /, overlay);
  assert.equal(await page.locator('#kennisbank-overlay').getAttribute('lang'), 'nl');
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, text: el.textContent, inOverlay: !!el.closest('#kennisbank-overlay') };
  });
  assert.deepEqual(focus, { tag: 'BUTTON', text: 'Sluiten', inOverlay: true });
  // The last good page is still shown underneath.
  assert.ok(await page.evaluate(() => window.kbNotReloaded));
  await save(PAGE_FILE, good);
  await page.waitForSelector('#kennisbank-overlay', { state: 'detached', timeout: WAIT });
});

test('a stylesheet edit swaps the stylesheet without a reload', async () => {
  await page.evaluate(() => (window.kbNotReloaded = true));
  const probe = () => getComputedStyle(document.body).getPropertyValue('--kb-serve-probe').trim();
  assert.equal(await page.evaluate(probe), '');
  const css = join(dir, 'themes/default/static/style.css');
  await writeFile(css, (await readFile(css, 'utf8')) + '\nbody { --kb-serve-probe: 42; }\n');
  await page.waitForFunction(
    () => getComputedStyle(document.body).getPropertyValue('--kb-serve-probe').trim() === '42',
    null,
    { timeout: WAIT },
  );
  assert.ok(await page.evaluate(() => window.kbNotReloaded), 'the page did not reload');
  const sheets = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel~="stylesheet"]')].map((l) => new URL(l.href).pathname),
  );
  assert.equal(sheets.filter((s) => /\/style\.[0-9a-f]{8}\.css$/.test(s)).length, 1, sheets.join());
});
