/* Search client for the static index under /zoeken/index/ (format: src/search/FORMAT.md, v3).
 * No framework. The engine (Engine) runs in the browser and in Node (tests); it is the query of
 * src/search/engine.rs step for step, so the terminal and the browser give the same results in the
 * same order (parity tests: tests/suite/search.rs, tests/browser/gates/search.test.mjs). The code
 * below it binds the header search box on every page (a combobox with results as you type; loaded
 * on first use by search-box.js); search-page.js binds the search page with what this file
 * exports. Content is only ever inserted as text. */
(function () {
  'use strict';

  var FORMAT_VERSION = 3;
  var MAX_EXPANSIONS = 30; // longer words a word being typed stands for
  var TYPO_MIN_LENGTH = 5; // shorter words are not corrected
  var EXTRA = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ĳ': 'ij', 'ł': 'l', 'đ': 'd', 'þ': 'th' };

  /* Lowercase and fold diacritics, as tantivy's LowerCaser + AsciiFoldingFilter do. */
  function fold(word) {
    return word
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[ßæœøĳłđþ]/g, function (c) { return EXTRA[c]; });
  }

  /* Tokens as tantivy's SimpleTokenizer splits them: runs of letters and digits. */
  function tokens(text) {
    var out = [];
    var re = /[\p{L}\p{N}]+/gu;
    var m;
    while ((m = re.exec(text)) !== null) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    return out;
  }

  function utf8Length(s) {
    return unescape(encodeURIComponent(s)).length;
  }

  /* One substitution, insertion, deletion or swap of two neighbours apart? */
  function oneEdit(a, b) {
    if (a === b) return false;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    if (la > lb) return a.slice(i + 1) === b.slice(i);
    return a.slice(i) === b.slice(i + 1);
  }

  /* The key of a pair of stems standing together (src/search/pairs.rs): code-point order. */
  function pairKey(a, b) {
    return a <= b ? a + ' ' + b : b + ' ' + a;
  }

  /* The bucket file of a pair key: 32-bit FNV-1a over its UTF-8 bytes, modulo the bucket count. */
  function pairBucket(key, buckets) {
    var bytes = new TextEncoder().encode(key);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h % buckets;
  }

  /* A posting's score from its one-byte level (src/search/format.rs, `value`). */
  function value(level) {
    return ((32 + (level & 31)) << (level >> 5)) - 32;
  }

  function Engine(base, fetchJson) {
    this.base = base;
    this.fetchJson = fetchJson;
    this.shardCache = new Map();
    this.postingsCache = new Map();
    this.pairCache = new Map();
    this.docCache = new Map();
    this.facetPromise = null;
    this.initPromise = null;
    this.manifest = null;
  }

  /* The manifest, fetched once (concurrent callers share the one request). */
  Engine.prototype.init = function () {
    var self = this;
    if (!this.initPromise) {
      this.initPromise = this.fetchJson(this.base + 'manifest.json').then(function (m) {
        if (m.format !== 'kennisbank-search' || m.version !== FORMAT_VERSION) {
          throw new Error('search index format ' + m.version + ' is not supported by this client');
        }
        self.manifest = m;
        self.stopWords = new Set(m.stop_words);
        return m;
      });
    }
    return this.initPromise;
  };

  /* The URL of a data file: every name carries the index's one content hash. */
  Engine.prototype.file = function (name) {
    return this.base + name + '.' + this.manifest.hash + '.json';
  };

  /* The query's words, folded, without stop words, overlong tokens and repeats. */
  Engine.prototype.queryWords = function (query) {
    var self = this;
    var out = [];
    tokens(query).forEach(function (t) {
      if (utf8Length(t.text) >= self.manifest.max_token_bytes) return;
      var w = fold(t.text);
      if (!self.stopWords.has(w) && out.indexOf(w) === -1) out.push(w);
    });
    return out;
  };

  /* Index of the shard whose range holds `word`: the last shard starting at or before it. */
  Engine.prototype.shardFor = function (word) {
    var shards = this.manifest.shards;
    var lo = 0, hi = shards.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (shards[mid] <= word) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  /* Indexes of every shard that may hold a word starting with `prefix`. */
  Engine.prototype.shardsForPrefix = function (prefix) {
    var shards = this.manifest.shards;
    var first = this.shardFor(prefix);
    var out = [first];
    for (var i = first + 1; i < shards.length && shards[i].startsWith(prefix); i++) out.push(i);
    return out;
  };

  Engine.prototype.cached = function (cache, name) {
    if (!cache.has(name)) cache.set(name, this.fetchJson(this.file(name)));
    return cache.get(name);
  };

  Engine.prototype.shard = function (i) { return this.cached(this.shardCache, 'shard-' + i); };

  /* The stems an excerpt marks for a unit found through `entry`'s stem by a synonym. */
  function marksOf(shard, entry) {
    return (shard.marks && shard.marks[entry[0]]) || [];
  }

  /* Every [word, stem entry, marks] of the given shards that passes `keep`. */
  Engine.prototype.wordsWhere = async function (indexes, keep) {
    var shards = await Promise.all(indexes.map(this.shard, this));
    var out = [];
    shards.forEach(function (shard) {
      shard.words.forEach(function (w, n) {
        if (keep(w)) out.push([w, shard.stems[shard.stem[n]], marksOf(shard, shard.stems[shard.stem[n]])]);
      });
    });
    return out;
  };

  /* The candidate stems of one query word ({ entry, own, marks }), its own stem first. */
  Engine.prototype.candidates = async function (word, typing) {
    var shard = await this.shard(this.shardFor(word));
    var lo = 0, hi = shard.words.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (shard.words[mid] < word) lo = mid + 1; else hi = mid;
    }
    var own = shard.words[lo] === word ? shard.stems[shard.stem[lo]] : null;
    var others = [];
    if (typing && word.length >= 2) {
      others = await this.wordsWhere(this.shardsForPrefix(word), function (w) { return w !== word && w.startsWith(word); });
      others.sort(function (a, b) { return a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); });
      others = others.slice(0, MAX_EXPANSIONS);
    }
    if (!own && others.length === 0 && word.length >= TYPO_MIN_LENGTH) {
      var first = word[0];
      others = await this.wordsWhere(this.shardsForPrefix(first), function (w) { return w.startsWith(first) && oneEdit(word, w); });
    }
    var out = own ? [{ entry: own, own: true, marks: marksOf(shard, own) }] : [];
    others.forEach(function (o) {
      if (!out.some(function (c) { return c.entry[0] === o[1][0]; })) out.push({ entry: o[1], own: false, marks: o[2] });
    });
    return out;
  };

  function pairs(flat) {
    var out = [];
    for (var i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
    return out;
  }

  /* A stem's list of [unit, level]: complete, or only its best postings (the head). */
  Engine.prototype.list = async function (entry, complete) {
    if (entry[1] === null || !complete) return pairs(entry[3]);
    var file = await this.cached(this.postingsCache, 'postings-' + entry[1]);
    var p = file[entry[0]];
    var unit = 0;
    return p[0].map(function (d, i) { unit += d; return [unit, p[1][i]]; });
  };

  /* The units holding stems a and b together, ascending. */
  Engine.prototype.pair = async function (a, b) {
    if (!this.manifest.pairs) return [];
    var key = pairKey(a, b);
    var file = await this.cached(this.pairCache, 'pairs-' + pairBucket(key, this.manifest.pairs));
    var unit = 0;
    return (file[key] || []).map(function (d) { unit += d; return unit; });
  };

  /* Ranked units: { hits: [{ unit, matched, score }], words, stems, marked, complete, atLeast }.
   * `marked`: the stems an excerpt marks, the candidate stems and the words that add them as
   * synonyms (a unit found through *retention* holds *behoud*).
   * options.prefix: the last word is still being typed. options.limit: only that many hits are
   * needed; for one word and at most manifest.head hits the shards' best postings are enough
   * (complete is then false when a list was cut: the order of the first `limit` is exact, the
   * number of hits a lower bound). */
  Engine.prototype.search = async function (query, options) {
    await this.init();
    var self = this;
    var prefix = !!(options && options.prefix);
    var limit = options && options.limit;
    var words = this.queryWords(query);
    var all = await Promise.all(words.map(function (w, i) { return self.candidates(w, prefix && i === words.length - 1); }));
    var ownStems = new Set();
    var used = [];
    words.forEach(function (w, i) {
      var c = all[i];
      if (c.length && c[0].own) {
        if (ownStems.has(c[0].entry[0])) return; // another word of the query has this stem
        ownStems.add(c[0].entry[0]);
      }
      used.push({ word: w, candidates: c });
    });
    var complete = !(used.length === 1 && limit && limit <= this.manifest.head);
    var isComplete = true;
    var stems = [];
    var marked = [];
    var totals = new Map();
    var counted = []; // per word: its own stem (or null) and unit → its best score there
    for (var u = 0; u < used.length; u++) {
      var best = new Map(); // unit → the word's best score in that unit
      for (var k = 0; k < used[u].candidates.length; k++) {
        var c = used[u].candidates[k];
        if (stems.indexOf(c.entry[0]) === -1) stems.push(c.entry[0]);
        c.marks.forEach(function (m) { if (marked.indexOf(m) === -1) marked.push(m); });
        if (!complete && c.entry[1] !== null) isComplete = false;
        var factor = c.own ? 2 : 1;
        (await this.list(c.entry, complete)).forEach(function (p) {
          var weight = value(p[1]) * factor;
          if (!(best.get(p[0]) >= weight)) best.set(p[0], weight);
        });
      }
      best.forEach(function (weight, unit) {
        var hit = totals.get(unit);
        if (!hit) totals.set(unit, (hit = { unit: unit, doc: unit, matched: 0, score: 0 }));
        hit.matched += 1;
        hit.score += weight;
      });
      var first = used[u].candidates[0];
      counted.push({ own: first && first.own ? first.entry[0] : null, best: best });
    }
    /* The phrase boost: where two neighbouring words stand together in a unit, it gains the
     * smaller of their two scores (src/search/engine.rs). */
    for (var p = 0; p + 1 < counted.length; p++) {
      var x = counted[p], y = counted[p + 1];
      if (x.own === null || y.own === null) continue;
      (await this.pair(x.own, y.own)).forEach(function (unit) {
        var a = x.best.get(unit), b = y.best.get(unit), hit = totals.get(unit);
        if (a !== undefined && b !== undefined && hit) hit.score += Math.min(a, b);
      });
    }
    var hits = Array.from(totals.values());
    hits.sort(function (a, b) { return b.matched - a.matched || b.score - a.score || a.unit - b.unit; });
    var atLeast = hits.length;
    used.forEach(function (w) { w.candidates.forEach(function (c) { atLeast = Math.max(atLeast, c.entry[2]); }); });
    marked = stems.concat(marked.filter(function (m) { return stems.indexOf(m) === -1; }));
    return { hits: hits, words: used.map(function (w) { return w.word; }), stems: stems, marked: marked, complete: isComplete, atLeast: atLeast };
  };

  /* Display data of units: { url, title, kind, crumbs, text }. */
  Engine.prototype.docs = async function (ids) {
    var self = this;
    var size = this.manifest.doc_chunk;
    var chunks = Array.from(new Set(ids.map(function (id) { return Math.floor(id / size); })));
    await Promise.all(chunks.map(function (c) {
      if (!self.docCache.has(c)) self.docCache.set(c, self.fetchJson(self.file('docs-' + c)));
      return self.docCache.get(c);
    }));
    return Promise.all(ids.map(async function (id) {
      var row = (await self.docCache.get(Math.floor(id / size)))[id % size];
      return { doc: id, url: row[0], title: row[1], kind: row[2], crumbs: row[3], text: row[4] };
    }));
  };

  /* Facets: [{ key, label, values: [{ value, label, docs: Set }] }], loaded once. */
  Engine.prototype.facets = function () {
    var self = this;
    if (!this.facetPromise) {
      this.facetPromise = this.fetchJson(this.file('facets')).then(function (raw) {
        return self.manifest.facets.map(function (f) {
          var values = Object.keys(raw[f[0]] || {}).map(function (v) {
            var entry = raw[f[0]][v];
            var docs = new Set();
            var d = 0;
            entry.docs.forEach(function (delta) { d += delta; docs.add(d); });
            return { value: v, label: entry.label, docs: docs };
          });
          return { key: f[0], label: f[1], values: values };
        });
      });
    }
    return this.facetPromise;
  };

  /* Text split into [{ text, mark }] around the first matched word, at most `width` characters. */
  function excerpt(text, stems, width) {
    var toks = tokens(text);
    var hit = function (t) {
      var f = fold(t.text);
      return stems.some(function (s) { return (s.length >= 2 && f.startsWith(s)) || (s.length >= 4 && f.includes(s)); });
    };
    var first = toks.find(hit);
    var start = 0;
    if (first && first.start > width / 3) {
      start = first.start - Math.floor(width / 3);
      var space = text.indexOf(' ', start);
      if (space !== -1 && space < first.start) start = space + 1;
    }
    var end = Math.min(text.length, start + width);
    if (end < text.length) {
      var last = text.lastIndexOf(' ', end); // end after a whole word
      if (last > start + width / 2) end = last;
    }
    var parts = [];
    var at = start;
    if (start > 0) parts.push({ text: '…', mark: false });
    toks.forEach(function (t) {
      if (t.start < start || t.end > end || !hit(t)) return;
      if (t.start > at) parts.push({ text: text.slice(at, t.start), mark: false });
      parts.push({ text: text.slice(t.start, t.end), mark: true });
      at = t.end;
    });
    if (at < end) parts.push({ text: text.slice(at, end), mark: false });
    if (end < text.length) parts.push({ text: '…', mark: false });
    return parts;
  }

  var api = { Engine: Engine, fold: fold, tokens: tokens, oneEdit: oneEdit, excerpt: excerpt };
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
    return;
  }
  if (typeof document === 'undefined') return;
  /* What search-page.js (the search page) builds on, and the engine the parity gate in
   * tests/browser/gates/search.test.mjs queries. */
  window.kennisbankSearch = {
    engineFor: function (base) { return engineFor(base); },
    el: function (tag, attrs, text) { return el(tag, attrs, text); },
    appendExcerpt: function (parent, text, stems, width) { appendExcerpt(parent, text, stems, width); },
    countText: function (n, query, exact) { return countText(n, query, exact); },
  };

  /* One engine per index, shared by the header box and the search page (one download each). */
  var engines = new Map();
  function engineFor(base) {
    if (!engines.has(base)) {
      engines.set(base, new Engine(base, function (url) {
        return fetch(url).then(function (r) {
          if (!r.ok) throw new Error(url + ': ' + r.status);
          return r.json();
        });
      }));
    }
    return engines.get(base);
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function appendExcerpt(parent, text, stems, width) {
    excerpt(text, stems, width).forEach(function (part) {
      parent.appendChild(part.mark ? el('mark', {}, part.text) : document.createTextNode(part.text));
    });
  }

  /* The number of results; `exact` false: n is a lower bound (the header box read only the best postings). */
  function countText(n, query, exact) {
    if (n === 0) return 'Geen resultaten voor “' + query.trim() + '”';
    if (exact === false) return 'Minstens ' + n + ' resultaten';
    return n + (n === 1 ? ' resultaat' : ' resultaten');
  }

  /* ------------------------------------------------- the header box on every page (combobox) */
  function bindBox() {
    var form = document.querySelector('form.search-box[data-search-index]');
    var panel = document.getElementById('zoeksuggesties');
    var status = document.getElementById('zoeksuggesties-status');
    if (!form || !panel || !status || form.hasAttribute('data-bound')) return;
    form.setAttribute('data-bound', '');
    var input = form.querySelector('input[name=q]');
    var engine = engineFor(form.getAttribute('data-search-index'));
    engine.init().catch(function () {}); // the manifest now, on first focus: typing is then quick
    var BOX_LIMIT = 8;
    var active = -1;
    var generation = 0;

    function options() { return Array.prototype.slice.call(panel.querySelectorAll('[role=option]')); }
    function setActive(i) {
      var all = options();
      active = i;
      all.forEach(function (o, j) { o.setAttribute('aria-selected', j === i ? 'true' : 'false'); });
      if (i < 0 || i >= all.length) {
        active = -1;
        input.removeAttribute('aria-activedescendant');
        return;
      }
      input.setAttribute('aria-activedescendant', all[i].id);
      if (all[i].scrollIntoView) all[i].scrollIntoView({ block: 'nearest' });
    }
    function open() {
      if (!panel.childElementCount) return;
      panel.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
    function close() {
      setActive(-1);
      panel.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    }
    function option(id, url, cls) {
      var li = el('li', { id: id, role: 'option', 'aria-selected': 'false', class: cls, 'data-url': url });
      li.addEventListener('click', function () { location.href = url; });
      return li;
    }

    async function run() {
      var mine = ++generation;
      var query = input.value;
      if (!query.trim()) {
        panel.textContent = '';
        status.textContent = '';
        close();
        return;
      }
      var result, docs;
      try {
        result = await engine.search(query, { prefix: !/\s$/.test(query), limit: BOX_LIMIT });
        docs = await engine.docs(result.hits.slice(0, BOX_LIMIT).map(function (h) { return h.doc; }));
      } catch (err) {
        if (mine === generation) status.textContent = 'Zoeken lukt nu niet: ' + err.message;
        return;
      }
      if (mine !== generation) return; // a newer keystroke won
      panel.textContent = '';
      docs.forEach(function (d, i) {
        var li = option('zoeksuggestie-' + i, d.url, 'search-option');
        li.appendChild(el('span', { class: 'search-option-title' }, d.title));
        li.appendChild(el('span', { class: 'search-option-meta' }, d.kind + (d.crumbs.length ? ' · ' + d.crumbs.join(' › ') : '')));
        var text = el('span', { class: 'search-option-text' });
        appendExcerpt(text, d.text, result.marked, 110);
        li.appendChild(text);
        panel.appendChild(li);
      });
      var all = option('zoeksuggestie-alle', form.getAttribute('action') + '?q=' + encodeURIComponent(query.trim()), 'search-option search-option-all');
      var count = result.complete ? result.hits.length : result.atLeast;
      all.textContent = count > BOX_LIMIT
        ? (result.complete ? 'Alle ' + count : 'Alle') + ' resultaten, met filters'
        : 'Naar de zoekpagina, met filters';
      panel.appendChild(all);
      status.textContent = countText(count, query, result.complete);
      setActive(-1);
      if (document.activeElement === input) open();
    }

    input.addEventListener('input', run);
    input.addEventListener('focus', open);
    input.addEventListener('blur', close);
    // Clicking an option must not blur the field first (that would close the panel).
    panel.addEventListener('mousedown', function (e) { e.preventDefault(); });
    input.addEventListener('keydown', function (e) {
      var n = options().length;
      if (e.key === 'ArrowDown' && n) {
        e.preventDefault();
        if (panel.hidden) { open(); setActive(0); } else setActive(Math.min(active + 1, n - 1));
      } else if (e.key === 'ArrowUp' && !panel.hidden) {
        e.preventDefault();
        setActive(active - 1); // above the first option: back to the text
      } else if (e.key === 'Escape' && !panel.hidden) {
        e.preventDefault(); // keep the typed text; a second Escape clears it as usual
        close();
      } else if (e.key === 'Enter' && !panel.hidden && active >= 0) {
        e.preventDefault();
        location.href = options()[active].getAttribute('data-url');
      } // Enter without a chosen option submits the form: /zoeken/?q=…
    });
    if (input.value) run();
  }

  bindBox();
})();
