/* The search page (/zoeken/): results as you type, facet filters with counts, keyboard navigation,
 * a live result count and the query in the URL. Runs after search.js, whose engine and helpers it
 * uses; apart from it so the header box on other pages does not download this code. Content is
 * only ever inserted as text. */
(function () {
  'use strict';
  var kb = window.kennisbankSearch;
  if (!kb) return;
  var el = kb.el;
  var appendExcerpt = kb.appendExcerpt;
  var countText = kb.countText;
  var engineFor = kb.engineFor;

  function bindPage() {
    var form = document.querySelector('form.zoekpagina[data-search-index]');
    if (!form) return;
    var input = form.querySelector('input[name=q]');
    var status = document.getElementById('zoek-status');
    var list = document.getElementById('zoekresultaten');
    var filterBox = document.getElementById('zoekfilters');
    var engine = engineFor(form.getAttribute('data-search-index'));
    var selected = new Map(); // facet key → Set of values
    var params = new URLSearchParams(location.search);
    params.forEach(function (v, k) {
      if (k === 'q') return;
      if (!selected.has(k)) selected.set(k, new Set());
      selected.get(k).add(v);
    });
    input.value = params.get('q') || '';
    var generation = 0;
    var LIMIT = 30;

    function updateUrl() {
      var p = new URLSearchParams();
      if (input.value) p.set('q', input.value);
      selected.forEach(function (values, key) { values.forEach(function (v) { p.append(key, v); }); });
      var qs = p.toString();
      history.replaceState(null, '', location.pathname + (qs ? '?' + qs : ''));
    }

    function passes(doc, facets, except) {
      return facets.every(function (f) {
        if (f.key === except) return true;
        var chosen = selected.get(f.key);
        if (!chosen || chosen.size === 0) return true;
        return f.values.some(function (v) { return chosen.has(v.value) && v.docs.has(doc); });
      });
    }

    function renderFilters(facets, hits) {
      filterBox.textContent = '';
      facets.forEach(function (f) {
        var counted = f.values
          .map(function (v) {
            var n = hits.filter(function (h) { return v.docs.has(h.doc) && passes(h.doc, facets, f.key); }).length;
            return { v: v, n: n };
          })
          .filter(function (c) { return c.n > 0 || (selected.get(f.key) || new Set()).has(c.v.value); });
        if (counted.length === 0) return;
        var set = el('fieldset', { 'data-facet': f.key });
        set.appendChild(el('legend', {}, f.label));
        counted.forEach(function (c) {
          var id = 'filter-' + f.key + '-' + c.v.value.replace(/[^a-zA-Z0-9_-]/g, '_');
          var box = el('input', { type: 'checkbox', id: id, value: c.v.value });
          box.checked = (selected.get(f.key) || new Set()).has(c.v.value);
          box.addEventListener('change', function () {
            if (!selected.has(f.key)) selected.set(f.key, new Set());
            if (box.checked) selected.get(f.key).add(c.v.value); else selected.get(f.key).delete(c.v.value);
            run();
          });
          var label = el('label', { for: id }, c.v.label + ' (' + c.n + ')');
          var row = el('div');
          row.appendChild(box);
          row.appendChild(label);
          set.appendChild(row);
        });
        filterBox.appendChild(set);
      });
      filterBox.hidden = filterBox.childElementCount === 0;
    }

    async function run() {
      var mine = ++generation;
      updateUrl();
      var query = input.value;
      if (!query.trim()) {
        list.textContent = '';
        filterBox.textContent = '';
        filterBox.hidden = true;
        status.textContent = '';
        return;
      }
      var typing = !/\s$/.test(query);
      var result;
      try {
        result = await engine.search(query, { prefix: typing });
      } catch (err) {
        if (mine === generation) status.textContent = 'Zoeken lukt nu niet: ' + err.message;
        return;
      }
      var hits = result.hits;
      var facets = null;
      if (hits.length > 0) facets = await engine.facets();
      if (facets) hits = hits.filter(function (h) { return passes(h.doc, facets, null); });
      var shown = hits.slice(0, LIMIT);
      var docs = await engine.docs(shown.map(function (h) { return h.doc; }));
      if (mine !== generation) return; // a newer keystroke won
      list.textContent = '';
      docs.forEach(function (d) {
        var li = el('li', { class: 'zoekresultaat' });
        var a = el('a', { href: d.url }, d.title);
        var h = el('h2');
        h.appendChild(a);
        li.appendChild(h);
        var meta = el('p', { class: 'zoek-meta' });
        meta.appendChild(el('span', { class: 'zoek-soort' }, d.kind));
        if (d.crumbs.length) meta.appendChild(document.createTextNode(' · ' + d.crumbs.join(' › ')));
        li.appendChild(meta);
        var p = el('p', { class: 'zoek-fragment' });
        appendExcerpt(p, d.text, result.marked, 180);
        li.appendChild(p);
        list.appendChild(li);
      });
      status.textContent = countText(hits.length, query) +
        (hits.length > LIMIT ? ', de eerste ' + LIMIT + ' getoond' : '');
      if (facets) renderFilters(facets, result.hits); else { filterBox.textContent = ''; filterBox.hidden = true; }
    }

    input.addEventListener('input', run);
    form.addEventListener('submit', function (e) { e.preventDefault(); run(); });

    /* Arrow keys move between the field and the result links; Escape returns to the field. */
    function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' && links().length) { e.preventDefault(); links()[0].focus(); }
    });
    list.addEventListener('keydown', function (e) {
      var all = links();
      var i = all.indexOf(document.activeElement);
      if (i === -1) return;
      if (e.key === 'ArrowDown' && i < all.length - 1) { e.preventDefault(); all[i + 1].focus(); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); if (i === 0) input.focus(); else all[i - 1].focus(); }
      else if (e.key === 'Escape') { e.preventDefault(); input.focus(); }
    });

    if (input.value) run();
  }

  bindPage();
})();
