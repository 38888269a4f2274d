#!/usr/bin/env node
// web/mathml.js, part by part: the reader and writer give back what they
// read; each transformation changes what it names and nothing else; the
// validity check sees a wrong child count.  The expected trees are
// written by hand from MathML Core and TeX's rules, not from the code.
//
//   node tests/web-mathml.js
'use strict';
const assert = require('assert');
const katex = require(process.env.KATEX || '/usr/share/javascript/katex/katex.js');
const m = require('../web/mathml.js');

let n = 0;
const test = (name, f) => { try { f(); n++; } catch (e) { process.stderr.write(`tests/web-mathml.js: ${name}: ${e.message}\n`); process.exitCode = 1; } };
// KaTeX's MathML for a formula, without its annotation and wrappers.
const body = (html) => html.replace(/^.*<semantics><mrow>/s, '').replace(/<\/mrow><annotation.*$/s, '');
const fixed = (tex) => body(m.fix(katex.renderToString(tex, { output: 'mathml', throwOnError: true })));

test('parse and serialize give back the markup', () => {
  const s = '<math xmlns="x"><mi mathvariant="normal">a&amp;&lt;</mi><mo>⁡</mo></math>';
  assert.strictEqual(m.serialize(m.parse(s)), s);
});
test('an unclosed element is an error', () => assert.throws(() => m.parse('<math><mi>a</math>'), /closes/));
test('malformed counts children of fixed-arity elements', () => {
  assert.deepStrictEqual(m.malformed(m.parse('<mfrac><mi>a</mi><mo>′</mo><mn>2</mn></mfrac>')), [{ tag: 'mfrac', children: 3 }]);
  assert.deepStrictEqual(m.malformed(m.parse('<msub><mi>a</mi><mn>2</mn></msub>')), []);
});
test('fix refuses to write a malformed element', () => assert.throws(() => m.fix('<math><msup><mi>a</mi></msup></math>'), /malformed/));
test('a primed numerator keeps its fraction: (sqrt a)\' = a\'/(2 sqrt a)', () => {
  assert.strictEqual(fixed("\\frac{a'}{2}"), '<mfrac><mrow><mi>a</mi><mo lspace="0em" rspace="0em">′</mo></mrow><mn>2</mn></mfrac>');
});
test('two primes are one double-prime glyph', () => assert.strictEqual(fixed("f''"), '<mrow><mi>f</mi><mo lspace="0em" rspace="0em">″</mo></mrow>'));
test('a real superscript stays one', () => assert.strictEqual(fixed('x^2'), '<msup><mi>x</mi><mn>2</mn></msup>'));
test('an operator name in a subscript is the subscript: lambda_max', () => {
  assert.strictEqual(fixed('\\lambda_{\\max}'), '<msub><mi>λ</mi><mi>max</mi></msub>');
  assert.strictEqual(fixed('x_{\\max}^2'), '<msubsup><mi>x</mi><mi>max</mi><mn>2</mn></msubsup>');
});
test('an operator name with a subscript keeps its function application', () => {
  assert.match(fixed('\\max_i x'), /^<msub><mrow><mi>max<\/mi><mo lspace="0em" rspace="0.1667em">\u2061<\/mo><\/mrow><mi>i<\/mi><\/msub>/);
});
test('bold epsilon is the bold italic epsilon character U+1D750', () => assert.strictEqual(fixed('\\boldsymbol{\\epsilon}'), '<mi mathvariant="normal">\u{1d750}</mi>'));
test('bold x is U+1D431, bold digits U+1D7CE on', () => {
  assert.strictEqual(m.styled('x', 'bold'), '\u{1d431}');
  assert.strictEqual(m.styled('0', 'bold'), '\u{1d7ce}');
  assert.strictEqual(m.styled('h', 'italic'), '\u210e');
  assert.strictEqual(m.styled('A', 'bold-italic'), '\u{1d468}');
  assert.strictEqual(m.styled('ω', 'bold'), '\u{1d6da}');
});
test('+= from \\mathrel{+}= is one operator', () => assert.strictEqual(fixed('u \\mathrel{+}= v'), '<mi>u</mi><mo>+=</mo><mi>v</mi>'));
test('a + b is untouched', () => assert.strictEqual(fixed('a + b'), '<mi>a</mi><mo>+</mo><mi>b</mi>'));
test('\\overset nests no <mo> in <mo>', () => assert.strictEqual(fixed('\\overset{!}{=}'), '<mover><mo>=</mo><mo stretchy="false" lspace="0em" rspace="0em">!</mo></mover>'));
test('the function application gets a thin space', () => assert.match(fixed('\\operatorname{sign} x'), /<mo lspace="0em" rspace="0.1667em">\u2061<\/mo>/));
test('an aligned display keeps its columns: right, left, with KaTeX\'s spacing as padding', () => {
  const t = fixed('\\begin{aligned} a &= b, & c &= d \\\\ ee &= f, & g &= hh \\end{aligned}');
  const styles = [...t.matchAll(/<mtd style="([^"]*)">/g)].map((x) => x[1]);
  assert.strictEqual(styles.length, 8);
  assert.deepStrictEqual(styles.slice(0, 4), ['text-align: right; text-align: -webkit-right; padding-left: 0em; padding-right: 0em',
    'text-align: left; text-align: -webkit-left; padding-left: 0em; padding-right: 0.5em', 'text-align: right; text-align: -webkit-right; padding-left: 0.5em; padding-right: 0em',
    'text-align: left; text-align: -webkit-left; padding-left: 0em; padding-right: 0em']);
  assert.deepStrictEqual(styles.slice(4), styles.slice(0, 4));
});
test('a matrix keeps its centred columns, 1em apart as in TeX', () => assert.match(fixed('\\begin{pmatrix} a & b \\end{pmatrix}'),
  /<mtd style="text-align: center; text-align: -webkit-center; padding-left: 0em; padding-right: 0.5em">.*<mtd style="text-align: center; text-align: -webkit-center; padding-left: 0.5em; padding-right: 0em">/));
test('a formula without a table is untouched', () => assert.doesNotMatch(fixed('a = b'), /style=/));
test('every transformation says why', () => { for (const t of m.TRANSFORMS) assert.ok(t.name && t.why.length > 20, t.name); });

console.log(`  web/mathml.js: ${n} tests passed`);
