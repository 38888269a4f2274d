#!/usr/bin/env node
// web/math.js, by itself: formulas with values in them, and formulas in
// words for a figure's alt text (written by hand as one reads them aloud).
//
//   node tests/web-math.js
'use strict';
const assert = require('assert');
const math = require('../web/math.js');
const latex = require('../web/latex.js');

let n = 0;
const test = (name, f) => { try { f(); n++; } catch (e) { process.stderr.write(`tests/web-math.js: ${name}: ${e.message}\n`); process.exitCode = 1; } };
const D = latex.newState('/nonexistent', { latex: '', chunks: [], quotes: [], chunkIndex: [], identIndex: [] }, new Map([['p/g', '9.8']]));

test('a value in a formula is the number, and the formula names its key', () => {
  const h = math.renderMath(D, 'g = \\val{p/g}', false, 1);
  assert.match(h, /^<span class="math" data-vals="p\/g">/);
  assert.match(h, /<mi>g<\/mi><mo>=<\/mo><mn>9.8<\/mn>/);
});
test('display math is a block that can take the focus (it may scroll)', () => {
  assert.match(math.renderMath(D, 'x', true, 1), /^<div class="display" tabindex="0"><span class="katex"><math[^>]*display="block"/);
});
test('a formula KaTeX cannot read stops the build', () => assert.throws(() => math.renderMath(D, '\\frac{1}', false, 3), /formula/));
test('values files are read as \\defval lines', () => {
  assert.deepStrictEqual([...math.readValues('\\defval{a/b}{1.5}\n\\defval{a/c}{3\\times10^{-8}}\n', new Map())], [['a/b', '1.5'], ['a/c', '3\\times10^{-8}']]);
});
test('formulas in words', () => {
  const cases = [
    ['f(x) = x^2', 'f(x) equals x squared'],
    ['3x^2', '3x squared'],
    ['x^3', 'x cubed'],
    ['(3xh + h^2)/h = 3x + h', '(3xh plus h squared) over h equals 3x plus h'],
    ['\\partial L/\\partial w = {-7.384}', 'partial L over partial w equals minus 7.384'],
    ['\\sqrt{\\varepsilon}', 'the square root of epsilon'],
    ['\\varepsilon^{1/3}', 'epsilon to the power 1 over 3'],
    ['e^x', 'e to the power x'],
    ['\\hat y = wx + b', 'y hat equals wx plus b'],
    ['\\le 0', 'at most 0'],
  ];
  for (const [tex, words] of cases) assert.strictEqual(math.mathWords(tex), words, tex);
});

console.log(`  web/math.js: ${n} tests passed`);
