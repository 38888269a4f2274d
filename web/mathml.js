// mathml: KaTeX's MathML as a tree, the few documented transformations
// that make it render in a browser as TeX sets it in the PDF, and the
// check that every element has the children MathML Core requires.
//
// KaTeX (0.16, Debian's libjs-katex) writes well-formed MathML, so a small
// XML reader suffices: elements, attributes in double quotes, text with
// the five predefined entities.  Every transformation works on the tree,
// never on the markup text, and each one is named in TRANSFORMS and has a
// test in tests/web-mathml.js.
'use strict';

// ------------------------------------------------------------ the tree
// A node is {tag, attrs: [[name, value]...], kids: [...]} or {text}.
const unescape = (s) => s.replace(/&(lt|gt|quot|#x27|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', '#x27': "'", amp: '&' })[e]);
const escText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s) => escText(s).replace(/"/g, '&quot;');

function parse(xml) {
  const root = { tag: '#root', attrs: [], kids: [] };
  const stack = [root];
  const re = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let m, at = 0;
  while ((m = re.exec(xml))) {
    if (m.index !== at) throw new Error(`mathml: unreadable markup at ${at}: ${xml.slice(at, at + 40)}`);
    at = re.lastIndex;
    const top = stack[stack.length - 1];
    if (m[5] !== undefined) { top.kids.push({ text: unescape(m[5]) }); continue; }
    if (m[1]) {
      if (top.tag !== m[2]) throw new Error(`mathml: </${m[2]}> closes <${top.tag}>`);
      stack.pop();
      continue;
    }
    const attrs = [...m[3].matchAll(/([\w:.-]+)="([^"]*)"/g)].map((a) => [a[1], unescape(a[2])]);
    const el = { tag: m[2], attrs, kids: [] };
    top.kids.push(el);
    if (!m[4]) stack.push(el);
  }
  if (at !== xml.length) throw new Error(`mathml: unreadable markup at ${at}`);
  if (stack.length !== 1) throw new Error(`mathml: <${stack[stack.length - 1].tag}> is not closed`);
  return root;
}

function serialize(node) {
  if (node.text !== undefined) return escText(node.text);
  const inner = node.kids.map(serialize).join('');
  if (node.tag === '#root') return inner;
  const attrs = node.attrs.map(([k, v]) => ` ${k}="${escAttr(v)}"`).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

const el = (tag, attrs, kids) => ({ tag, attrs: attrs || [], kids: kids || [] });
const attr = (n, name) => { const a = n.attrs && n.attrs.find((x) => x[0] === name); return a ? a[1] : undefined; };
const elements = (n) => (n.kids || []).filter((k) => k.tag);
const textOf = (n) => (n.text !== undefined ? n.text : (n.kids || []).map(textOf).join(''));
const isMo = (n, text) => n.tag === 'mo' && n.kids.length === 1 && n.kids[0].text !== undefined && (text === undefined || n.kids[0].text === text);

// ------------------------------------------------------------ validity
// MathML Core's elements with a fixed number of children.
const ARITY = { mfrac: 2, msub: 2, msup: 2, msubsup: 3, mover: 2, munder: 2, munderover: 3, mroot: 2 };

// Every element whose child count is wrong: [{tag, children}].
function malformed(tree) {
  const bad = [];
  (function walk(n) {
    if (!n.tag) return;
    if (n.tag in ARITY && elements(n).length !== ARITY[n.tag]) bad.push({ tag: n.tag, children: elements(n).length });
    if (n.tag !== 'annotation') n.kids.forEach(walk);
  })(tree);
  return bad;
}

// ------------------------------------------------------------ transformations
// Mathematical alphanumeric symbols (Unicode 3.0 and later, chapter 22.2):
// what mathvariant asks for, which Chromium's MathML Core does not apply
// (it knows only mathvariant="normal"), written as the characters.
const LATIN_UPPER = 0x41, LATIN_LOWER = 0x61, GREEK_UPPER = 0x391, GREEK_LOWER = 0x3b1;
const ALPHA_START = {   // variant: [A, a, Alpha, alpha] code points, or null
  bold: [0x1d400, 0x1d41a, 0x1d6a8, 0x1d6c2],
  italic: [0x1d434, 0x1d44e, 0x1d6e2, 0x1d6fc],
  'bold-italic': [0x1d468, 0x1d482, 0x1d71c, 0x1d736],
  'sans-serif': [0x1d5a0, 0x1d5ba, null, null],
  'bold-sans-serif': [0x1d5d4, 0x1d5ee, 0x1d756, 0x1d770],
  monospace: [0x1d670, 0x1d68a, null, null],
};
// The Greek block runs Alpha..Omega (with the theta symbol at the place
// of U+03A2), then nabla, alpha..omega, partial, and the symbol forms.
const GREEK_SYMBOLS = { '\u2207': 0x19, '\u2202': 0x33, '\u03f5': 0x34, '\u03d1': 0x35, '\u03f0': 0x36, '\u03d5': 0x37, '\u03f1': 0x38, '\u03d6': 0x39 };
const DIGIT_START = { bold: 0x1d7ce, 'bold-sans-serif': 0x1d7ec, monospace: 0x1d7f6 };
const ITALIC_HOLES = { 0x1d455: 0x210e };   // italic h is Planck's constant
function styled(ch, variant) {
  const start = ALPHA_START[variant];
  if (!start) return null;
  const c = ch.codePointAt(0);
  let out = null;
  if (c >= 0x41 && c <= 0x5a) out = start[0] + c - LATIN_UPPER;
  else if (c >= 0x61 && c <= 0x7a) out = start[1] + c - LATIN_LOWER;
  else if (start[2] !== null && c >= 0x391 && c <= 0x3a9) out = start[2] + c - GREEK_UPPER;
  else if (start[3] !== null && c >= 0x3b1 && c <= 0x3c9) out = start[3] + c - GREEK_LOWER;
  else if (start[2] !== null && ch in GREEK_SYMBOLS) out = start[2] + GREEK_SYMBOLS[ch];
  else if (c >= 0x30 && c <= 0x39 && DIGIT_START[variant]) out = DIGIT_START[variant] + c - 0x30;
  if (out === null) return null;
  return String.fromCodePoint(ITALIC_HOLES[out] || out);
}

// Each transformation: a name, why, and a function on one element that
// returns its replacement (a node or a list of nodes) or undefined.
const TRANSFORMS = [
  {
    name: 'unnest-mo',
    why: '\\overset nests <mo> in <mo>, which MathML forbids: the inner element stands for itself',
    apply: (n) => (n.tag === 'mo' && n.kids.length === 1 && n.kids[0].tag && ['mo', 'mover', 'munder'].includes(n.kids[0].tag) ? n.kids[0] : undefined),
  },
  {
    name: 'operator-name-in-script',
    why: 'KaTeX 0.16 puts the invisible function application after \\max in a script as a third child of <msub> (λ_max)',
    apply: (n) => {
      if (!(n.tag in ARITY) || elements(n).length <= ARITY[n.tag]) return undefined;
      const kids = n.kids.filter((k, i) => !(i > 0 && isMo(k, '\u2061') && n.kids[i - 1].tag === 'mi'));
      return elements({ kids }).length === ARITY[n.tag] ? el(n.tag, n.attrs, kids) : undefined;
    },
  },
  {
    name: 'prime-not-superscript',
    why: 'a prime glyph is already raised: as a superscript it shrinks to a dot; it follows its base in an <mrow>, which keeps the parent\'s child count',
    apply: (n) => {
      if (n.tag !== 'msup') return undefined;
      const [base, sup] = elements(n);
      if (!base || !sup) return undefined;
      const primes = isMo(sup) && /^′+$/.test(textOf(sup)) ? textOf(sup)
        : sup.tag === 'mrow' && sup.kids.every((k) => isMo(k, '′')) ? '′'.repeat(sup.kids.length) : null;
      if (!primes) return undefined;
      const glyph = ['', '′', '″', '‴'][primes.length] || primes;
      return el('mrow', [], [base, el('mo', [['lspace', '0em'], ['rspace', '0em']], [{ text: glyph }])]);
    },
  },
  {
    name: 'mathvariant-as-characters',
    why: 'Chromium applies only mathvariant="normal": bold and other styles become the mathematical alphanumeric characters (bold ϵ of the dual numbers)',
    apply: (n) => {
      const v = attr(n, 'mathvariant');
      if (!['mi', 'mn', 'mtext'].includes(n.tag) || !v || v === 'normal' || !(v in ALPHA_START)) return undefined;
      const s = textOf(n);
      const chars = [...s].map((ch) => styled(ch, v));
      if (chars.some((c) => c === null)) return undefined;   // keep what cannot be written: the check sees it
      // A single styled letter is not to be italicised again.
      const attrs = n.attrs.filter(([k]) => k !== 'mathvariant').concat(n.tag === 'mi' && chars.length === 1 ? [['mathvariant', 'normal']] : []);
      return el(n.tag, attrs, [{ text: chars.join('') }]);
    },
  },
  {
    name: 'compound-assignment',
    why: 'TeX sets \\mathrel{+}= as two relations with no space between; KaTeX writes two <mo>, which a browser spaces apart: one operator "+="',
    apply: (n) => {
      if (!n.kids || !n.kids.some((k, i) => isMo(k, '+') && n.kids[i + 1] && isMo(n.kids[i + 1], '='))) return undefined;
      const kids = [];
      for (let i = 0; i < n.kids.length; i++) {
        if (isMo(n.kids[i], '+') && n.kids[i + 1] && isMo(n.kids[i + 1], '=')) { kids.push(el('mo', [], [{ text: '+=' }])); i++; } else kids.push(n.kids[i]);
      }
      return el(n.tag, n.attrs, kids);
    },
  },
  {
    name: 'columnalign-as-style',
    why: 'Chromium ignores columnalign and columnspacing (MathML Core has neither) and centres every cell: an aligned display (the rules of section 11) loses its column of = signs; each cell gets its column\'s alignment and spacing as CSS (text-align, which Chromium applies to math as -webkit-right and the like)',
    apply: (n) => {
      const align = attr(n, 'columnalign');
      if (n.tag !== 'mtable' || !align) return undefined;
      const rows = elements(n).filter((r) => r.tag === 'mtr');
      if (rows.every((r) => elements(r).every((c) => c.tag !== 'mtd' || attr(c, 'style') !== undefined))) return undefined;
      const aligns = align.split(/\s+/), gaps = (attr(n, 'columnspacing') || '').split(/\s+/).filter(Boolean);
      const pick = (list, k) => list[Math.min(k, list.length - 1)];
      const half = (g) => { const m = /^([\d.]+)em$/.exec(g || '0em'); return m ? `${+m[1] / 2}em` : '0em'; };
      const cols = Math.max(...rows.map((r) => elements(r).length));
      const cell = (c, k) => {
        if (c.tag !== 'mtd' || attr(c, 'style') !== undefined) return c;
        // Chromium aligns a cell's math by -webkit-left/right/center only (a
        // screenshot showed text-align: right ignored); other browsers take the first.
        const a = pick(aligns, k);
        const style = `text-align: ${a}; text-align: -webkit-${a}; padding-left: ${k > 0 ? half(pick(gaps, k - 1)) : '0em'}; padding-right: ${k < cols - 1 ? half(pick(gaps, k)) : '0em'}`;
        return el('mtd', c.attrs.concat([['style', style]]), c.kids);
      };
      return el(n.tag, n.attrs, n.kids.map((r) => (r.tag === 'mtr' ? el('mtr', r.attrs, elements(r).map(cell)) : r)));
    },
  },
  {
    name: 'function-application-space',
    why: 'the invisible function application after \\operatorname has no space in a browser; TeX puts a thin space',
    apply: (n) => (isMo(n, '\u2061') && !attr(n, 'rspace') ? el('mo', [['lspace', '0em'], ['rspace', '0.1667em']], n.kids) : undefined),
  },
];

// Apply every transformation bottom-up until nothing changes.
function transform(node) {
  if (!node.tag || node.tag === 'annotation') return node;
  let n = Object.assign({}, node, { kids: node.kids.map(transform) });
  for (let round = 0; round < 10; round++) {
    let changed = false;
    for (const t of TRANSFORMS) {
      const r = t.apply(n);
      if (r !== undefined) { n = r.tag ? Object.assign({}, r, { kids: r.kids.map(transform) }) : r; changed = true; }
      if (!n.tag) return n;
    }
    if (!changed) return n;
  }
  return n;
}

// KaTeX's markup in, the transformed markup out; throws on a malformed
// element, so no page is written with one.
function fix(markup) {
  const tree = transform(parse(markup));
  const bad = malformed(tree);
  if (bad.length) throw new Error(`malformed MathML after the transformations: ${bad.map((b) => `<${b.tag}> with ${b.children} children`).join(', ')}`);
  return serialize(tree);
}

module.exports = { parse, serialize, malformed, transform, fix, styled, TRANSFORMS, ARITY, textOf };
