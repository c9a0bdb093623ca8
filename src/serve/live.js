// Live reload for `kennisbank serve`. The server injects this script into HTML responses only; it
// is never part of a built site. It listens to the server's event stream and
//  - reloads the page when its own file changed (keeping the scroll position),
//  - swaps a stylesheet in place when only CSS changed,
//  - shows the build errors in an overlay while the last good page stays visible.
(function () {
  'use strict';
  var script = document.currentScript;
  var page = script ? script.getAttribute('data-page') : '';
  var known = script ? Number(script.getAttribute('data-build')) : 0;
  var scrollKey = 'kennisbank-scroll:' + location.pathname;
  var overlayId = 'kennisbank-overlay';
  var returnFocus = null;

  function restoreScroll() {
    try {
      var saved = sessionStorage.getItem(scrollKey);
      if (!saved) return;
      var xy = saved.split(',');
      window.scrollTo(Number(xy[0]) || 0, Number(xy[1]) || 0);
      if (document.readyState === 'complete') sessionStorage.removeItem(scrollKey);
    } catch (e) { /* storage may be disabled; a reload then starts at the top */ }
  }
  restoreScroll();
  window.addEventListener('load', restoreScroll);

  function reload() {
    try {
      sessionStorage.setItem(scrollKey, window.scrollX + ',' + window.scrollY);
    } catch (e) { /* see restoreScroll */ }
    location.reload();
  }

  function ensureStyles() {
    if (document.getElementById('kennisbank-live-css')) return;
    var link = document.createElement('link');
    link.id = 'kennisbank-live-css';
    link.rel = 'stylesheet';
    link.href = '/__kennisbank/live.css';
    document.head.appendChild(link);
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function removeOverlay() {
    var old = document.getElementById(overlayId);
    if (!old) return;
    old.parentNode.removeChild(old);
    if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
    returnFocus = null;
  }

  // Every word shown comes from the server, in the language of the messages (`data.texts`).
  function showErrors(data) {
    var texts = data.texts;
    var hadFocus = document.getElementById(overlayId) ? returnFocus : document.activeElement;
    removeOverlay();
    returnFocus = hadFocus;
    ensureStyles();
    var box = element('div', '', 'kb-overlay');
    box.id = overlayId;
    box.lang = texts.lang;
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-modal', 'false');
    box.setAttribute('aria-labelledby', 'kennisbank-overlay-title');
    box.setAttribute('aria-describedby', 'kennisbank-overlay-summary');
    var title = element('h2', texts.title);
    title.id = 'kennisbank-overlay-title';
    var summary = element('p', texts.summary);
    summary.id = 'kennisbank-overlay-summary';
    var close = element('button', texts.close, 'kb-close');
    close.type = 'button';
    close.addEventListener('click', removeOverlay);
    box.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') removeOverlay();
    });
    box.appendChild(close);
    box.appendChild(title);
    box.appendChild(summary);
    var list = element('ol', '', 'kb-list');
    data.diagnostics.forEach(function (d) {
      var item = element('li', '', 'kb-' + d.severity);
      item.appendChild(element('h3', d.heading));
      item.appendChild(element('p', d.message));
      if (d.help) item.appendChild(element('p', texts.help + ': ' + d.help, 'kb-help'));
      if (d.rendered) item.appendChild(element('pre', d.rendered));
      list.appendChild(item);
    });
    box.appendChild(list);
    document.body.appendChild(box);
    close.focus();
  }

  function swapStylesheets(swaps) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    swaps.forEach(function (swap) {
      Array.prototype.forEach.call(links, function (link) {
        if (new URL(link.href, location.href).pathname !== swap.old) return;
        var fresh = link.cloneNode();
        fresh.href = swap.new;
        // The old sheet stays until the new one is in, so the page never shows unstyled.
        fresh.addEventListener('load', function () {
          if (link.parentNode) link.parentNode.removeChild(link);
        });
        link.parentNode.insertBefore(fresh, link.nextSibling);
      });
    });
  }

  if (!window.EventSource) return;
  var source = new EventSource('/__kennisbank/events');
  source.addEventListener('hello', function (event) {
    var build = JSON.parse(event.data).build;
    // A rebuild between loading this page and connecting, or a restarted server.
    if (build && known && build !== known) return reload();
    known = build;
  });
  source.addEventListener('reload', function (event) {
    var data = JSON.parse(event.data);
    removeOverlay();
    if (data.build) known = data.build;
    var mine = data.changed.indexOf(page) >= 0 || (page === '404.html' && data.changed.length > 0);
    if (data.all || mine) reload();
  });
  source.addEventListener('css', function (event) {
    var data = JSON.parse(event.data);
    known = data.build;
    swapStylesheets(data.swaps);
  });
  source.addEventListener('build-error', function (event) {
    showErrors(JSON.parse(event.data));
  });
})();
