// Benchmark of `kennisbank serve`: from an editor's save to the new page being served, for a body
// edit and for front-matter edits, and what the server holds in memory.
//
//   node tests/bench/serve-edits.mjs KENNISBANK SITE [RUNS]
//
// SITE is a generated site (`kennisbank-generate`); it is edited in place and put back as it was.
// Each edit is saved the way editors' tools do (a temporary file renamed over the original), then
// the page is asked for until it shows the edit; the time includes the server's debounce. Prints
// one line per measure (median, min, max) and the server's resident memory from /proc: VmRSS
// after the edits and VmHWM, the peak since it started.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [kb, site, runsArg] = process.argv.slice(2);
if (!kb || !site) {
  console.error('usage: node serve-edits.mjs KENNISBANK SITE [RUNS]');
  process.exit(2);
}
const runs = Number(runsArg ?? 5);
const content = path.join(site, 'content');

function save(file, text) {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.bench~`);
  writeFileSync(temp, text);
  renameSync(temp, file);
}

const server = spawn(kb, ['serve', '--root', site, '--port', '0'], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, NO_COLOR: '1' },
});
let log = '';
server.stderr.on('data', (d) => { log += d; });
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
    if (m) resolve(m[0]);
  });
  server.on('exit', (code) => reject(new Error(`serve exited (${code}): ${log}`)));
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(url, needle, started) {
  for (;;) {
    const res = await fetch(base + url);
    const body = await res.text();
    if (body.includes(needle)) return performance.now() - started;
    if (performance.now() - started > 120_000) throw new Error(`${url} never showed ${needle}\n${log}`);
    await sleep(5);
  }
}

// measure(name, file, url, edit): edit(original, i) gives the new text and the words to wait for.
const results = [];
async function measure(name, file, url, edit) {
  const original = readFileSync(file, 'utf8');
  const times = [];
  try {
    for (let i = 0; i < runs; i++) {
      const [text, needle] = edit(original, i);
      // Past the debounce of the previous save, so each edit is a rebuild of its own.
      await sleep(300);
      const started = performance.now();
      save(file, text);
      times.push(await until(url, needle, started));
    }
  } finally {
    save(file, original);
    await sleep(1000);
  }
  times.sort((a, b) => a - b);
  const line = `serve ${name}: median ${times[times.length >> 1].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms (${runs} runs)`;
  results.push(line);
  console.log(line);
}

const frontMatter = (text, field, value) =>
  text.replace(new RegExp(`^${field}: .*$`, 'm'), `${field}: ${JSON.stringify(value)}`);

// A body: one more sentence at the end of a plain page.
await measure('body edit', path.join(content, 'paginas/over.md'), '/over/', (text, i) => {
  const marker = `Benchmarkzin ${i}.`;
  return [`${text}\n${marker}\n`, marker];
});

// Front matter of the middle file of a folder: `field` set to `words` and a number.
async function frontMatterEdit(name, folder, field, words) {
  const files = readdirSync(path.join(content, folder)).filter((f) => f.endsWith('.md')).sort();
  const file = files[Math.floor(files.length / 2)];
  await measure(name, path.join(content, folder, file), `/${folder}/${file.replace(/\.md$/, '')}/`,
    (text, i) => [frontMatter(text, field, `${words} ${i}`), `${words} ${i}`]);
}
// A source's title, shown on its page and wherever the source is cited.
await frontMatterEdit('front-matter edit (a source title)', 'bronnen', 'title', 'Benchmarktitel');
// A term's summary, shown under every link to it.
await frontMatterEdit('front-matter edit (a term summary)', 'begrippen', 'summary', 'Benchmarksamenvatting');

const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
const kb_of = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))[1]);
const memory = `serve memory: VmRSS ${(kb_of('VmRSS') / 1024).toFixed(0)} MB, VmHWM ${(kb_of('VmHWM') / 1024).toFixed(0)} MB`;
console.log(memory);
// With KENNISBANK_TIMINGS=1 the server's stage times, for reading where the time goes.
if (process.env.KENNISBANK_TIMINGS) console.error(log);
server.kill('SIGTERM');
