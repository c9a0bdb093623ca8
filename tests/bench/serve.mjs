// What the search benchmarks share: a static server for a built site on 127.0.0.1 and the page
// that drives Pagefind through its documented JS API.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export function serve(dir) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
  const server = createServer(async (req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p.endsWith('/')) p += 'index.html';
    try {
      const body = await readFile(path.join(dir, path.normalize(p)));
      res.writeHead(200, { 'content-type': types[path.extname(p)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

/** Pagefind's side: a page that renders its top results with the documented JS API. */
export const PAGEFIND_PAGE = (shown) => `<!doctype html><html lang="nl"><meta charset="utf-8"><title>pagefind</title>
<input id="q" type="search"><ol id="r"></ol>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
const q = document.getElementById('q'), r = document.getElementById('r');
let generation = 0;
q.addEventListener('focus', () => pagefind.init(), { once: true });
q.addEventListener('input', async () => {
  const mine = ++generation;
  const search = await pagefind.search(q.value);
  const data = await Promise.all(search.results.slice(0, ${shown}).map((x) => x.data()));
  if (mine !== generation) return;
  r.textContent = '';
  for (const d of data) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = d.url; a.textContent = d.meta.title;
    const p = document.createElement('p');
    p.innerHTML = d.excerpt;
    li.append(a, p);
    r.append(li);
  }
  r.dataset.done = String(mine);
});
window.benchReady = true;
</script>`;
