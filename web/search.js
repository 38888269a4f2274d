// The web edition's search, in the reader's browser.  SEARCH_INDEX (from
// search-index.js, written at build time) lists every page and subsection
// with its words; a query's words must all occur in an entry.  Entries
// whose title holds the words come first, then those where they stand
// together as a phrase, then by how often they occur.  It works from
// file:// and from any server: nothing is fetched.
/* global SEARCH_INDEX */
'use strict';
(function () {
  var out = document.getElementById('search-results');
  var input = document.getElementById('q');
  if (!out || !input || typeof SEARCH_INDEX === 'undefined') return;

  function norm(s) { return s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, ''); }
  function count(hay, w) { var n = 0, i = 0; while ((i = hay.indexOf(w, i)) >= 0) { n++; i += w.length; } return n; }
  var entries = SEARCH_INDEX.map(function (e) { return { e: e, title: norm(e.title), text: norm(e.text) }; });

  function snippet(e, words) {
    var t = norm(e.text), at = t.indexOf(words[0]);
    var start = Math.max(0, at - 60), end = Math.min(e.text.length, at + 140);
    var frag = document.createDocumentFragment();
    var s = e.text.slice(start, end), ns = norm(s), i = 0;
    frag.appendChild(document.createTextNode(start > 0 ? '…' : ''));
    while (i < s.length) {
      var best = -1, len = 0;
      words.forEach(function (w) { var j = ns.indexOf(w, i); if (j >= 0 && (best < 0 || j < best)) { best = j; len = w.length; } });
      if (best < 0) { frag.appendChild(document.createTextNode(s.slice(i))); break; }
      frag.appendChild(document.createTextNode(s.slice(i, best)));
      var m = document.createElement('mark'); m.textContent = s.slice(best, best + len); frag.appendChild(m);
      i = best + len;
    }
    if (end < e.text.length) frag.appendChild(document.createTextNode('…'));
    return frag;
  }

  function run(query) {
    var q = norm(query.trim());
    var words = q.split(/\s+/).filter(Boolean);
    out.textContent = '';
    if (!words.length) return;
    var hits = [];
    entries.forEach(function (x) {
      var all = x.title + ' ' + x.text;
      if (!words.every(function (w) { return all.indexOf(w) >= 0; })) return;
      var score = words.reduce(function (s, w) { return s + count(x.text, w); }, 0);
      if (words.every(function (w) { return x.title.indexOf(w) >= 0; })) score += 1000;
      if (words.length > 1 && all.indexOf(q) >= 0) score += 100 + 10 * count(all, q);
      hits.push({ x: x, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    var h = document.createElement('p');
    h.textContent = hits.length ? hits.length + (hits.length === 1 ? ' place' : ' places') + ' for “' + query.trim() + '”:' : 'Nothing found for “' + query.trim() + '”.';
    out.appendChild(h);
    var ol = document.createElement('ol');
    ol.className = 'search-results';
    hits.slice(0, 50).forEach(function (hit) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = hit.x.e.url; a.textContent = hit.x.e.title;
      var p = document.createElement('p');
      p.appendChild(snippet(hit.x.e, words));
      li.appendChild(a); li.appendChild(p); ol.appendChild(li);
    });
    out.appendChild(ol);
  }

  var q = new URLSearchParams(window.location.search).get('q') || '';
  input.value = q;
  run(q);
  input.addEventListener('input', function () { run(input.value); });
}());
