// Gate: the evidence pages as a visitor gets them in a real browser. The value table is a table
// on a wide screen and a card per row on a phone, with no sideways scroll at all (not even inside
// a scroll region); the gap map works without JavaScript (each count leads to a section listing
// as many findings) and its tables fit an A4 page when printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSite } from './site.mjs';

const site = sharedSite();

/** Elements inside `selector` that stick out of the viewport or scroll sideways themselves. */
function sideways(selector) {
  const root = document.querySelector(selector);
  if (!root) return [`no ${selector}`];
  const out = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > window.innerWidth + 0.5) out.push(`${el.tagName} ends at ${Math.round(box.right)} px`);
    if (el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(el).overflowX)) out.push(`${el.tagName} scrolls sideways`);
  }
  for (let el = root.parentElement; el; el = el.parentElement) {
    if (el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(el).overflowX)) out.push(`ancestor ${el.tagName}.${el.className} scrolls sideways`);
  }
  return out.slice(0, 5);
}

test('at 320 px each value row is a card without sideways scroll; at 1280 px it is a table', async () => {
  const phone = await site.browser.newPage({ viewport: { width: 320, height: 800 } });
  await phone.goto(site.server.base + '/waarde-en-randvoorwaarden/');
  assert.deepEqual(await phone.evaluate(sideways, '.value-table'), []);
  const cards = await phone.evaluate(() =>
    [...document.querySelectorAll('.value-table tbody tr:not(.level-row)')].map((tr) => ({
      display: getComputedStyle(tr).display,
      labels: [...tr.querySelectorAll('td')].map((td) => getComputedStyle(td, '::before').content),
    })),
  );
  assert.equal(cards.length, 11, 'eleven value rows');
  for (const card of cards) {
    assert.equal(card.display, 'block', 'a row is a card on a phone');
    assert.deepEqual(card.labels, ['"Randvoorwaarden"', '"Onderzoek"', '"Praktijkvoorbeelden"'], 'each part says what it is');
  }
  await phone.close();
  const desk = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await desk.goto(site.server.base + '/waarde-en-randvoorwaarden/');
  assert.equal(await desk.evaluate(() => getComputedStyle(document.querySelector('.value-table')).display), 'table');
  await desk.close();
});

test('without JavaScript every count of the gap map leads to a section with as many findings', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.server.base + '/bewijs/');
  const cells = await page.evaluate(() =>
    [...document.querySelectorAll('table.gap-map td')].map((td) => {
      const a = td.querySelector('a');
      return { text: td.textContent.trim(), href: a?.getAttribute('href') ?? null, count: a ? parseInt(a.textContent, 10) : null };
    }),
  );
  assert.ok(cells.length > 80, `only ${cells.length} cells`);
  const gaps = cells.filter((c) => c.text === 'geen onderzoek').length;
  assert.ok(gaps > 0, 'the shipped content has gaps');
  for (const c of cells) assert.ok(c.href || c.text === 'geen onderzoek' || /^0\b/.test(c.text), `a cell says nothing: ${c.text}`);
  const failures = [];
  for (const c of cells.filter((c) => c.href).slice(0, 40)) {
    await page.goto(site.server.base + c.href);
    const listed = await page.evaluate((id) => {
      const h = document.getElementById(id);
      return h ? h.closest('section').querySelectorAll('li.finding').length : -1;
    }, c.href.split('#')[1]);
    if (listed !== c.count) failures.push(`${c.href}: the cell says ${c.count}, the section lists ${listed}`);
  }
  await context.close();
  assert.deepEqual(failures, []);
});

test('printed on A4 the gap map, its sections and the guide fit the page width', async () => {
  // A4 portrait with 15 mm margins leaves 180 mm, 680 CSS px.
  const page = await site.browser.newPage({ viewport: { width: 680, height: 1000 } });
  await page.emulateMedia({ media: 'print' });
  const failures = [];
  for (const url of ['/bewijs/', '/bewijs/professionalisering-personeel/', '/hoe-lees-je-het-bewijs/']) {
    await page.goto(site.server.base + url);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 3)
        .map((el) => `${el.tagName}.${el.className} ends at ${Math.round(el.getBoundingClientRect().right)} px`),
    );
    for (const w of wide) failures.push(`${url}: ${w}`);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    if (pdf.length < 1000) failures.push(`${url}: no PDF printed`);
  }
  await page.close();
  assert.deepEqual(failures, []);
});
