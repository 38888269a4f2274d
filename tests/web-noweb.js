#!/usr/bin/env node
// web/noweb.js, by itself: noweb's pipeline read into prose and chunks,
// the chunk tags noweb.sty prints (worked out by hand from its rules), a
// chunk as HTML.
//
//   node tests/web-noweb.js
'use strict';
const assert = require('assert');
const nw = require('../web/noweb.js');
const { MARK } = require('../web/util.js');

let n = 0;
const test = (name, f) => { try { f(); n++; } catch (e) { process.stderr.write(`tests/web-noweb.js: ${name}: ${e.message}\n`); process.exitCode = 1; } };

// A two-chunk document as markup | finduses | noidx writes it.
const PIPE = [
  '@file doc.nw', '@begin docs 0', '@text Call ', '@quote', '@text f', '@endquote', '@text  here.', '@nl', '@end docs 0',
  '@begin code 1', '@xref label NWa-1', '@defn main.c', '@xref notused main.c', '@nl',
  '@index use f', '@text f', '@text ();', '@nl', '@xref ref NWa-2', '@use Helper', '@nl', '@end code 1',
  '@begin code 2', '@xref label NWa-2', '@defn Helper', '@xref useitem NWa-1', '@nl', '@text int x;', '@nl', '@end code 2',
  '@begin docs 3', '@text Done.', '@end docs 3',
].join('\n');

test('prose keeps its lines and marks the chunks and quotes', () => {
  const p = nw.parsePipeline(PIPE);
  assert.strictEqual(p.latex, 'Call \\NWQUOTE{0} here.\n\\NWCHUNK{0}%\n%\n%\n\\NWCHUNK{1}%\n%\nDone.');
  assert.deepStrictEqual(p.quotes, ['f']);
  assert.strictEqual(p.chunks.length, 2);
});
test('a chunk has its name, label, identifiers and uses', () => {
  const [c, d] = nw.parsePipeline(PIPE).chunks;
  assert.strictEqual(c.name, 'main.c');
  assert.strictEqual(c.label, 'NWa-1');
  assert.deepStrictEqual(c.items.filter((i) => i.t !== 'nl'), [{ t: 'ident', s: 'f', ref: null }, { t: 'text', s: '();' }, { t: 'use', name: 'Helper', ref: 'NWa-2' }]);
  assert.deepStrictEqual(d.useitems, ['NWa-1']);
});
test('tags as noweb.sty gives them: the page alone, or a letter per chunk on a shared page', () => {
  const aux = '\\newsublabel{A}{{}{3}}\n\\newsublabel{B}{{}{14}}\n\\newsublabel{C}{{}{14}}\n\\newsublabel{D}{{}{19}}\n\\nwixadd{x}{y}{A}\n';
  assert.deepStrictEqual([...nw.chunkTags(aux)], [['A', '3'], ['B', '14a'], ['C', '14b'], ['D', '19']]);
});
test('past z the letters go on as aa, ab (\\@nwlongalph)', () => {
  assert.deepStrictEqual([1, 26, 27, 28, 52, 53].map(nw.alph), ['a', 'z', 'aa', 'ab', 'az', 'ba']);
});
test('a continued chunk shows its first definition\'s tag; a root .c file links to the file', () => {
  const chunks = nw.markChunks([
    { name: 'a.c', label: 'L1', items: [], useitems: [], defitems: [], defines: [] },
    { name: 'Defs', label: 'L2', items: [], useitems: ['L1'], defitems: [], defines: [] },
    { name: 'Defs', label: 'L3', items: [], useitems: ['L1'], defitems: [], defines: [], prevdef: 'L2' },
  ]);
  assert.deepStrictEqual(chunks.map((c) => [c.firstLabel, !!c.isFile]), [['L1', true], ['L2', false], ['L2', false]]);
  const h = nw.renderChunk(chunks[2]);
  assert.ok(h.includes(`⟨Defs <span class="n">${MARK.tag}L2${MARK.tag}</span>⟩+≡`), h);
  assert.ok(h.startsWith('<div class="chunk" id="L3">'), h);
  assert.ok(nw.renderChunk(chunks[0]).includes('href="src/a.c"'));
});
test('code is escaped; [[code]] in a name is code', () => {
  assert.strictEqual(nw.chunkName('Report [[a<b]] & go'), 'Report <code>a&lt;b</code> &amp; go');
});

console.log(`  web/noweb.js: ${n} tests passed`);
