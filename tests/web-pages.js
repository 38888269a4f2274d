#!/usr/bin/env node
// web/pages.js and the driver's PDF look-ups, by themselves: pages cut at
// parts and sections, the contents, cross-references resolved per page,
// the search index, and where each page starts in the PDF.
//
//   node tests/web-pages.js
'use strict';
const assert = require('assert');
const pages = require('../web/pages.js');
const { titleKey, pdfStarts } = require('../web/nw2html.js');
const { MARK } = require('../web/util.js');

let n = 0;
const test = (name, f) => { try { f(); n++; } catch (e) { process.stderr.write(`tests/web-pages.js: ${name}: ${e.message}\n`); process.exitCode = 1; } };
const H = (level, num, title, id) => ({ heading: { level, num, title, raw: title, id: id || 'top' }, block: `<h1>${title}</h1>` });
const nodes = [
  { inline: 'front' }, H('part', 'I', 'Ideas', 'part-I'), { inline: 'intro' },
  H('section', '1', 'One'), { inline: 'Hessian here' }, H('subsection', '1.1', 'Sub', 'sub'), { block: '<pre><code>hidden code</code></pre>' }, { inline: 'learning rate' },
  H('section', '', 'Index of subjects'),
];

test('pages: the front page, a part, its sections, unnumbered ones by title', () => {
  assert.deepStrictEqual(pages.splitPages(nodes).map((p) => p.file), ['index.html', 'part-I.html', 'section-1.html', 'index-of-subjects.html']);
});
test('the contents mark the current page and list its subsections', () => {
  const site = pages.splitPages(nodes);
  const toc = pages.contents(site, site[2], false);
  assert.ok(toc.includes('<a href="section-1.html" aria-current="page"><span class="num">1</span> One</a><ol><li><a href="section-1.html#sub">'), toc);
  assert.ok(!pages.contents(site, site[3], false).includes('#sub'));
});
test('a chunk link is local on its own page and file#label elsewhere; tags come from doc.aux', () => {
  const site = pages.splitPages(nodes);
  for (const p of site) p.html = p.nodes.map((x) => x.block || x.inline || '').join('');
  site[2].html += '<div class="chunk" id="NW1">';
  const D = { tags: new Map([['NW1', '14a']]), labels: new Map() };
  const resolve = pages.resolver(D, site);
  const s = `<a href="${MARK.chunk}NW1${MARK.chunk}">${MARK.tag}NW1${MARK.tag}</a>`;
  assert.strictEqual(resolve(site[2], s), '<a href="#NW1">14a</a>');
  assert.strictEqual(resolve(site[3], s), '<a href="section-1.html#NW1">14a</a>');
});
test('the search index: a page and each subsection, without code', () => {
  const e = pages.searchEntries(pages.splitPages(nodes));
  const one = e.find((x) => x.url === 'section-1.html'), sub = e.find((x) => x.url === 'section-1.html#sub');
  assert.strictEqual(one.text, 'One Hessian here');
  assert.strictEqual(sub.text, 'learning rate');
  assert.ok(!e.some((x) => x.text.includes('hidden code')));
});
test('a heading\'s key ignores TeX and spacing, as both editions print it', () => {
  assert.strictEqual(titleKey('I\\hspace {1em}The ideas'), 'itheideas');
  assert.strictEqual(titleKey('\\texttt {fit-line}'), 'fitline');
});
test('PDF pages from doc.toc and the PDF\'s destinations', () => {
  const toc = '\\contentsline {part}{I\\hspace {1em}The ideas}{2}{part.1}%\n' +
    '\\contentsline {section}{\\numberline {1}What a derivative is}{2}{section.1}%\n' +
    '\\contentsline {section}{\\numberline {P9}\\texttt {fit-line}}{60}{section.program.9}%\n' +
    '\\contentsline {section}{Index of subjects}{141}{section*.39}%\n';
  const dests = '   7 [ XYZ   68  765 null      ] "part.1"\n   7 [ XYZ   68  715 null      ] "section.1"\n' +
    '  65 [ XYZ   68  772 null      ] "section.program.9"\n 146 [ XYZ   68  772 null      ] "section*.39"\n';
  assert.deepStrictEqual([...pdfStarts(toc, dests)], [['part:I', 7], ['section:1', 7], ['section:P9', 65], ['title:indexofsubjects', 146]]);
});

console.log(`  web/pages.js: ${n} tests passed`);
