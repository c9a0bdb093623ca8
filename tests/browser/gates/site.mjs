// What every gate shares: the built site on disk, a static server for it on 127.0.0.1, and
// Debian's chromium through playwright-core (never a downloaded browser).
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';

export const SITE_DIR = process.env.SITE_DIR;
if (!SITE_DIR) throw new Error('SITE_DIR is not set: run the gates through tests/browser/run.sh');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Every HTML file of the site, as paths relative to SITE_DIR (`effecten/x/index.html`). */
export async function htmlFiles(dir = SITE_DIR, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...(await htmlFiles(join(dir, entry.name), rel + '/')));
    else if (entry.name.endsWith('.html')) out.push(rel);
  }
  return out.sort();
}

/** A static server like a plain web host: `/x/` serves `x/index.html`, misses get 404.html. */
export async function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('/')) path += 'index.html';
    const file = join(SITE_DIR, path);
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        res.writeHead(301, { location: url.pathname + '/' });
        return res.end();
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(await readFile(join(SITE_DIR, '404.html')).catch(() => 'not found'));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The static server and a browser, as the gates that read the built site start them. */
export async function openGate() {
  return { server: await serve(), browser: await launch() };
}

/** Closes what `openGate` opened (either may be missing when `before` failed). */
export async function closeGate({ server, browser }) {
  await browser?.close();
  await server?.close();
}

/** One page of every page type, found in the built site so the list follows the content. */
export async function samplePages() {
  const files = await htmlFiles();
  const first = (re) => {
    const hit = files.find((f) => re.test(f));
    return hit ? '/' + hit.replace(/index\.html$/, '') : null;
  };
  const pages = {
    home: '/',
    effecten: '/effecten/',
    effect: first(/^effecten\/[^/]+\/index\.html$/),
    tabel: '/waarde-en-randvoorwaarden/',
    waarde: first(/^waarde-en-randvoorwaarden\/[^/]+\/index\.html$/),
    bronnen: '/bronnen/',
    'bronnen op jaar': '/bronnen/op-jaar/',
    'bronnen per soort': first(/^bronnen\/soort\/[^/]+\/index\.html$/),
    'bronnen per effect': first(/^bronnen\/effect\/[^/]+\/index\.html$/),
    bron: first(/^bronnen\/(?!soort\/|effect\/|op-jaar\/)[^/]+\/index\.html$/),
    bewijskaart: '/bewijs/',
    'bewijs per effect': first(/^bewijs\/[^/]+\/index\.html$/),
    'hoe lees je het bewijs': '/hoe-lees-je-het-bewijs/',
    kennisbank: '/kennisbank/',
    artikel: first(/^kennisbank\/[^/]+\/index\.html$/),
    begrippen: '/begrippen/',
    begrip: first(/^begrippen\/[^/]+\/index\.html$/),
    "thema's": '/thema/',
    thema: first(/^thema\/[^/]+\/index\.html$/),
    sector: first(/^sector\/[^/]+\/index\.html$/),
    toegankelijkheid: '/toegankelijkheid/',
    zoeken: first(/^zoeken\/index\.html$/),
    'niet gevonden': '/404.html',
  };
  // An article with previous/next links, if there is one: it exercises the pager.
  for (const f of files.filter((f) => f.startsWith('kennisbank/'))) {
    const html = await readFile(join(SITE_DIR, f), 'utf8');
    if (html.includes('rel="next"') && html.includes('rel="prev"')) {
      pages['artikel met vorige en volgende'] = '/' + f.replace(/index\.html$/, '');
      break;
    }
  }
  return Object.entries(pages).filter(([, url]) => url);
}

/** The server and browser a gate file shares: started before its tests, closed after them. */
export function sharedSite() {
  const shared = {};
  before(async () => {
    shared.server = await serve();
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}
