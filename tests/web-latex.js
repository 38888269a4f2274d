#!/usr/bin/env node
// web/latex.js, by itself: LaTeX prose in, HTML nodes out, written by
// hand from what LaTeX prints for the same input.
//
//   node tests/web-latex.js
'use strict';
const assert = require('assert');
const latex = require('../web/latex.js');
const { SourceError, MARK } = require('../web/util.js');

let n = 0;
const test = (name, f) => { try { f(); n++; } catch (e) { process.stderr.write(`tests/web-latex.js: ${name}: ${e.message}\n`); process.exitCode = 1; } };
const state = () => latex.newState('/nonexistent', { latex: '', chunks: [], quotes: ['x + 1'], chunkIndex: [], identIndex: [] }, new Map([['p/k', '0.5'], ['p/e', '10^{-6}']]));
const html = (tex, D = state()) => latex.paragraphs(latex.convert(tex, 1, { D }));
const text = (tex) => latex.joinInline(latex.convert(tex, 1, { D: state(), inlineOnly: true }), 1);

test('emphasis, quotes, dashes, ties', () => {
  assert.strictEqual(text("\\emph{now} ``so'' -- 1---2 a~b"), '<em>now</em> “so” – 1—2 a\u00a0b');
});
test('a blank line starts a paragraph', () => assert.strictEqual(html('one\n\ntwo'), '<p>one</p>\n<p>two</p>\n'));
test('[[code]] quotes are code', () => assert.strictEqual(text('\\NWQUOTE{0}'), '<code>x + 1</code>'));
test('a value is the program\'s number, set as math, marked with its key', () => {
  const h = text('\\val{p/k}');
  assert.match(h, /^<span class="val" data-val="p\/k"><span class="katex"><math/);
  assert.match(h, /<mn>0.5<\/mn>/);
});
test('an unknown value stops the conversion at its line', () => {
  assert.throws(() => latex.convert('a\n\\val{p/none}', 7, { D: state() }), (e) => e instanceof SourceError && e.line === 8 && /p\/none/.test(e.message));
});
test('an unknown command stops it too', () => assert.throws(() => text('\\frobnicate{x}'), /frobnicate is not known/));
test('sections and subsections are numbered as LaTeX numbers them', () => {
  const D = state();
  const nodes = latex.convert('\\section{One}\n\\subsection{A}\n\\subsection{B}\n\\section{Two}\n\\subsection{C}', 1, { D });
  assert.deepStrictEqual(nodes.filter((x) => x.heading).map((x) => x.heading.num), ['1', '1.1', '1.2', '2', '2.1']);
});
test('a label names the numbered thing before it; a ref is a marker until pages are known', () => {
  const D = state();
  latex.convert('\\section{One}\\label{sec:one}', 1, { D });
  assert.strictEqual(D.labels.get('sec:one').num, '1');
  assert.strictEqual(text('\\ref{sec:one}'), `<a href="${MARK.ref}sec:one${MARK.ref}">${MARK.refnum}sec:one${MARK.refnum}</a>`);
});
test('lists', () => {
  assert.strictEqual(html('\\begin{itemize}\\item one \\item two\\end{itemize}'), '<ul><li><p>one</p>\n</li><li><p>two</p>\n</li></ul>\n');
});
test('a table with a header row', () => {
  const h = html('\\begin{tabular}{lr}\na & b \\\\\n\\midrule\nc & 1 \\\\\n\\end{tabular}');
  assert.ok(h.includes('<thead><tr><th class="l">a</th><th class="r">b</th></tr></thead><tbody><tr><td class="l">c</td><td class="r">1</td></tr></tbody>'), h);
});
test('a heading over two columns spans them; a rule under it draws nothing', () => {
  const h = html('\\begin{tabular}{ldd}\na & \\multicolumn{2}{c}{b} \\\\\n\\cmidrule(l){2-3}\n & \\multicolumn{1}{c}{c} & d \\\\\n\\midrule\ne & 1 & 2 \\\\\n\\end{tabular}');
  assert.ok(h.includes('<thead><tr><th class="l">a</th><th class="c" colspan="2">b</th></tr>\n<tr><td class="l"></td><th class="r">c</th><th class="r">d</th></tr></thead>'), h);
  assert.ok(!h.includes(MARK.span) && !h.includes('cmidrule'), h);
});
test('the document\'s macros expand, with arguments', () => {
  const D = state();
  latex.convert('\\newcommand\\prog[1]{\\texttt{#1}}', 1, { D });
  assert.strictEqual(latex.joinInline(latex.convert('\\prog{fit-line}', 1, { D, inlineOnly: true }), 1), '<code>fit-line</code>');
});

console.log(`  web/latex.js: ${n} tests passed`);
