// Gate: every built page is valid HTML (html-validate, recommended rules) — 0 errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { SITE_DIR, htmlFiles } from './site.mjs';

test('every built page passes html-validate without errors', async () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader({
    extends: ['html-validate:recommended'],
    rules: {
      // Markdown bodies keep the editors' line breaks; whitespace is not a defect a visitor sees.
      'no-trailing-whitespace': 'off',
      // pulldown-cmark writes `<br />` and `<img … />`; both are valid HTML.
      'void-style': 'off',
      // `<!doctype html>` in lower case is what the HTML standard itself writes.
      'doctype-style': 'off',
      // Titles are the editors' titles plus the site name; length is an SEO hint, not an error.
      'long-title': 'off',
      // The tables' scroll containers are <div role="region" tabindex="0">, the pattern for a
      // focusable scroll region; a <section> would add them to the document outline.
      'prefer-native-element': ['error', { exclude: ['region'] }],
    },
  }));
  const files = await htmlFiles();
  assert.ok(files.length > 50, `expected the whole site, found ${files.length} pages in ${SITE_DIR}`);
  const problems = [];
  for (const file of files) {
    const report = await validator.validateFile(join(SITE_DIR, file));
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity === 2) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
  }
  assert.equal(problems.length, 0, `${problems.length} HTML errors:\n${problems.slice(0, 60).join('\n')}`);
});
