// Gate: every internal link and fragment resolves — 0 broken. Reads the built files directly, so
// all ~230 pages are checked in well under a second.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { SITE_DIR, htmlFiles } from './site.mjs';

const decode = (s) =>
  s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Site path of a URL path: `/x/` → `x/index.html`; `null` when no file serves it. */
function fileFor(path) {
  let rel = decodeURIComponent(path).replace(/^\//, '');
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const full = join(SITE_DIR, rel);
  if (existsSync(full) && statSync(full).isFile()) return rel;
  if (existsSync(join(full, 'index.html'))) return posix.join(rel, 'index.html');
  return null;
}

test('every internal link and fragment resolves', async () => {
  const files = await htmlFiles();
  const html = new Map();
  const ids = new Map();
  for (const f of files) {
    const text = await readFile(join(SITE_DIR, f), 'utf8');
    html.set(f, text);
    ids.set(f, new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]))));
  }
  const broken = [];
  let checked = 0;
  for (const [file, text] of html) {
    const pageUrl = new URL('/' + file, 'http://site.invalid');
    for (const m of text.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const raw = decode(m[1]);
      if (/^(https?:|mailto:|tel:|data:)/i.test(raw)) continue;
      const url = new URL(raw, pageUrl);
      if (url.host !== 'site.invalid') continue;
      checked++;
      const target = fileFor(url.pathname);
      if (!target) {
        broken.push(`${file}: ${raw} (no such page)`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !ids.get(target)?.has(fragment)) {
        broken.push(`${file}: ${raw} (no element with id "${fragment}" in ${target})`);
      }
    }
  }
  assert.ok(checked > 1000, `expected thousands of internal links, checked ${checked}`);
  assert.equal(broken.length, 0, `${broken.length} broken links:\n${broken.slice(0, 60).join('\n')}`);
});

test('no page asks for anything from another host', async () => {
  const offenders = [];
  for (const f of await htmlFiles()) {
    const text = await readFile(join(SITE_DIR, f), 'utf8');
    // Links may go out; things the browser loads by itself (styles, scripts, images, fonts) may not.
    for (const m of text.matchAll(/<(script|link|img|iframe|source|video|audio)\b[^>]*\s(?:src|href)="(https?:)?\/\/[^"]*"/gi)) {
      if (/<link\b[^>]*rel="(canonical|alternate)"/i.test(m[0])) continue;
      offenders.push(`${f}: ${m[0]}`);
    }
  }
  assert.deepEqual(offenders, []);
});
