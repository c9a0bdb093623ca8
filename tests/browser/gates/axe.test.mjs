// Gate: axe-core (WCAG 2.0/2.1 A and AA) on one page of every page type at 1280 and 320 px wide —
// 0 violations; and at 320 px and at 200% zoom nothing but the tables' own scroll regions scrolls
// sideways (reflow).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { openGate, closeGate, samplePages } from './site.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [1280, 320];
let server, browser, pages;

before(async () => {
  ({ server, browser } = await openGate());
  pages = await samplePages();
});
after(() => closeGate({ server, browser }));

for (const width of WIDTHS) {
  test(`axe-core finds no WCAG 2.1 AA violations at ${width} px`, async (t) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const external = [];
    context.on('request', (r) => {
      if (!r.url().startsWith(server.base)) external.push(r.url());
    });
    const page = await context.newPage();
    const failures = [];
    for (const [type, url] of pages) {
      await page.goto(server.base + url, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() =>
        window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          resultTypes: ['violations'],
        }),
      );
      for (const v of result.violations) {
        const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
        failures.push(`${type} (${url}): ${v.id} [${v.impact}] ${v.help} — ${v.nodes.length}× e.g. ${where}`);
      }
      if (width === 320) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) failures.push(`${type} (${url}): the page scrolls ${overflow} px sideways at 320 px`);
      }
      t.diagnostic(`${type}: ${url}`);
    }
    await context.close();
    assert.deepEqual(external, [], 'pages must not request anything from another host');
    assert.equal(failures.length, 0, failures.join('\n'));
  });
}

test('at 200% zoom (1280 px wide, 640 CSS px) no page scrolls sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const failures = [];
  for (const [type, url] of pages) {
    await page.goto(server.base + url, { waitUntil: 'load' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) failures.push(`${type} (${url}): scrolls ${overflow} px sideways`);
  }
  await context.close();
  assert.deepEqual(failures, []);
});
