// Gate: a keyboard walk. Tab from the top reaches the skip link first, then the links of the
// header; the skip link moves focus to the main content; the table's scroll region takes focus
// and scrolls with the arrow keys.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openGate, closeGate } from './site.mjs';

let server, browser;
before(async () => ({ server, browser } = await openGate()));
after(() => closeGate({ server, browser }));

/** What has focus, as a short description: `a "Naar de inhoud"`, `input#zoekterm`. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const text = (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text,
      inHeader: !!el.closest('header'),
      inNav: !!el.closest('nav[aria-label="Hoofdmenu"]'),
      outline: getComputedStyle(el).outlineStyle,
      visible: el.getBoundingClientRect().width > 0,
    };
  });

test('Tab from the top: the skip link first, then the header, with a visible focus', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.base + '/effecten/');
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  assert.equal(skip.tag, 'a');
  assert.equal(skip.text, 'Naar de inhoud');
  assert.ok(skip.visible, 'the skip link must become visible when it has focus');
  assert.notEqual(skip.outline, 'none', 'the focused skip link needs a visible outline');

  const walk = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    walk.push(await focused(page));
  }
  const firstOutside = walk.findIndex((f) => !f.inHeader);
  const header = walk.slice(0, firstOutside === -1 ? walk.length : firstOutside);
  assert.ok(header.length >= 6, `expected the site title, search and menu in the header, got ${JSON.stringify(header)}`);
  assert.equal(header[0].text, (await page.locator('.site-title').innerText()).trim());
  const menu = header.filter((f) => f.inNav).map((f) => f.text);
  for (const item of ['Effecten', 'Waarde en randvoorwaarden', 'Bronnen', 'Kennisbank']) {
    assert.ok(menu.includes(item), `menu item ${item} is not reachable with Tab (reached: ${menu.join(', ')})`);
  }
  for (const f of header) assert.notEqual(f.outline, 'none', `no visible focus on ${f.tag} "${f.text}"`);
  await page.close();
});

test('the skip link moves focus to the main content', async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
  await page.goto(server.base + '/bronnen/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => location.hash), '#inhoud');
  await page.keyboard.press('Tab');
  const next = await focused(page);
  assert.equal(next.inHeader, false, `after the skip link, Tab must land in the content, got ${JSON.stringify(next)}`);
  await page.close();
});

test('a gap map table scrolls inside a focusable region on a narrow screen', async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
  // The value table becomes cards instead (evidence.test.mjs); the gap map's tables scroll.
  await page.goto(server.base + '/bewijs/');
  const region = page.locator('.table-scroll[role="region"]').first();
  assert.equal(await region.getAttribute('tabindex'), '0');
  const label = await region.getAttribute('aria-labelledby');
  assert.ok((await page.locator(`#${label}`).innerText()).length > 10, 'the region is named by the caption');
  // Walk there with Tab alone, as a keyboard user would.
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement.matches('.table-scroll'));
  }
  assert.ok(reached, 'Tab never reached the table region');
  const before = await region.evaluate((el) => el.scrollLeft);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(200);
  const after = await region.evaluate((el) => el.scrollLeft);
  assert.ok(after > before, `ArrowRight should scroll the table (scrollLeft ${before} → ${after})`);
  const groups = await page.locator('table.gap-map').first().locator('tbody th[scope="rowgroup"]').count();
  assert.equal(groups, 3, 'one row group per category of effects');
  await page.close();
});
