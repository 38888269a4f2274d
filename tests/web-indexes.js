#!/usr/bin/env node
// web/indexes.js, by itself: the subject index as makeindex sorts and
// prints it (sort@shown, main!sub, |see), the chunk and identifier indexes.
//
//   node tests/web-indexes.js
'use strict';
const assert = require('assert');
const ix = require('../web/indexes.js');
const { MARK } = require('../web/util.js');

let n = 0;
const test = (name, f) => { try { f(); n++; } catch (e) { process.stderr.write(`tests/web-indexes.js: ${name}: ${e.message}\n`); process.exitCode = 1; } };
const page = (file, num) => ({ file, heading: { num, title: `page ${num}` } });
const p1 = page('section-1.html', '1'), p2 = page('section-2.html', '2');
const where = { a: p1, b: p2, c: p1, d: p2, e: p1 };

test('entries sorted by their key, one page listed once, see-references kept', () => {
  const h = ix.subjectIndexHtml([
    { entry: 'loss', id: 'b' }, { entry: 'derivative', id: 'a' }, { entry: 'derivative', id: 'c' },
    { entry: 'eta@$\\eta$|see{learning rate}', id: 'd' }, { entry: 'derivative!partial', id: 'e' },
  ], (id) => where[id], (t) => t.replace(/\$\\eta\$/, 'η'));
  assert.strictEqual(h, '<ul class="subjectindex"><li>derivative <a href="section-1.html#a">1</a></li>\n' +
    '<li>derivative, partial <a href="section-1.html#e">1</a></li>\n<li>η <em>see</em> learning rate</li>\n' +
    '<li>loss <a href="section-2.html#b">2</a></li></ul>');
});
test('the chunk index: each name with its tag, its definitions and uses', () => {
  const h = ix.chunkIndexHtml({ chunkIndex: [{ name: 'a.c', label: 'L1', defs: ['L1'], uses: [] }, { name: 'Defs', label: 'L2', defs: ['L2', 'L3'], uses: ['L1'] }] });
  assert.ok(h.includes(`⟨Defs <a href="${MARK.chunk}L2${MARK.chunk}">${MARK.tag}L2${MARK.tag}</a>⟩ defined in`), h);
  assert.ok(h.includes('; a root: a file'), h);
});
test('the identifier index', () => {
  const h = ix.identIndexHtml({ identIndex: [{ name: 'f', label: 'x', defs: ['L1'], uses: ['L2'] }] });
  assert.strictEqual(h, `<ul class="identindex"><li id="id-f"><code>f</code>: defined in <a class="def" href="${MARK.chunk}L1${MARK.chunk}">${MARK.tag}L1${MARK.tag}</a>; used in <a href="${MARK.chunk}L2${MARK.chunk}">${MARK.tag}L2${MARK.tag}</a></li></ul>`);
});

console.log(`  web/indexes.js: ${n} tests passed`);
