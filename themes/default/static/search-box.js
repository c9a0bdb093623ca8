/* The header search box on every page: turns the plain GET form into a combobox and loads the
 * search client (search.js) only when the visitor first focuses or types in it, so pages that are
 * never searched download neither the client nor the index. Without JavaScript the form simply
 * goes to /zoeken/?q=…. */
(function () {
  'use strict';
  var form = document.querySelector('form.search-box[data-search-script]');
  if (!form) return;
  var input = form.querySelector('input[name=q]');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', 'zoeksuggesties');
  // The results panel and the spoken result count; search.js fills them.
  var panel = document.createElement('ul');
  panel.id = 'zoeksuggesties';
  panel.className = 'search-panel';
  panel.setAttribute('role', 'listbox');
  panel.setAttribute('aria-label', 'Zoekresultaten');
  panel.hidden = true;
  var status = document.createElement('p');
  status.id = 'zoeksuggesties-status';
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  form.appendChild(panel);
  form.appendChild(status);
  var loaded = false;
  function load() {
    if (loaded) return;
    loaded = true;
    var src = form.getAttribute('data-search-script');
    if (document.querySelector('script[src="' + src + '"]')) return; // the search page has it already
    var script = document.createElement('script');
    script.src = src;
    document.head.appendChild(script);
  }
  ['focus', 'input', 'pointerdown'].forEach(function (type) {
    input.addEventListener(type, load, { once: true });
  });
  if (document.activeElement === input) load();
})();
