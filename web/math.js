// math: a formula of doc.nw as MathML, by KaTeX at build time, then
// through web/mathml.js's documented transformations.  \val inside math
// is the number itself (it is \ensuremath in the PDF).
'use strict';
const fs = require('fs');
const katex = require(process.env.KATEX || '/usr/share/javascript/katex/katex.js');
const mathml = require('./mathml.js');
const { die, esc } = require('./util.js');

// The TeX KaTeX gets: values in, the document's macros expanded.
function mathTeX(D, tex, line, expand) {
  const keys = [];
  const t = tex.replace(/\\val\s*\{([^}]*)\}/g, (_, key) => {
    if (!D.values.has(key)) die(`no program computed the value '${key}'`, line);
    keys.push(key);
    return `{${D.values.get(key)}}`;
  });
  return { tex: expand(t).replace(/\\texorpdfstring\{([^{}]*)\}\{[^{}]*\}/g, '$1'), keys };
}

function toMathML(tex, display, line) {
  try {
    return mathml.fix(katex.renderToString(tex, { output: 'mathml', displayMode: display, throwOnError: true, strict: 'error' }));
  } catch (e) {
    return die(`formula ${JSON.stringify(tex.trim())}: ${e.message}`, line);
  }
}

function renderMath(D, tex, display, line) {
  const { expandMacros } = require('./latex.js');
  const t = mathTeX(D, tex, line, (x) => expandMacros(D, x));
  if (process.env.NW2HTML_FORMULAS) fs.appendFileSync(process.env.NW2HTML_FORMULAS, JSON.stringify({ tex: t.tex, display }) + '\n');
  const html = toMathML(t.tex, display, line);
  const vals = t.keys.length ? ` data-vals="${esc(t.keys.join(' '))}"` : '';
  return display ? `<div class="display"${vals} tabindex="0">${html}</div>` : `<span class="math"${vals}>${html}</span>`;
}

// \val{program/key} in text: the program's number, set as math.
function renderVal(D, key, line) {
  if (!D.values.has(key)) die(`no program computed the value '${key}'`, line);
  return `<span class="val" data-val="${esc(key)}">${toMathML(`{${D.values.get(key)}}`, false, line)}</span>`;
}

// \defval{program/key}{value} lines of a build/data/*/values.tex.
function readValues(text, into) {
  for (const m of text.matchAll(/\\defval\{([^}]*)\}\{((?:[^{}]|\{[^{}]*\})*)\}/g)) into.set(m[1], m[2]);
  return into;
}

module.exports = { renderMath, renderVal, readValues, toMathML };

// A formula in words, for the alt text of a figure (an image's alt cannot
// hold MathML): x^2 is "x squared", \partial f/\partial x "∂f/∂x" read as
// "partial f over partial x", 10^{-6} "10 to the power minus 6".  Only the
// notation figure captions use; anything else keeps its symbol.
const WORD_SYMBOLS = {
  '\\varepsilon': 'epsilon', '\\epsilon': 'epsilon', '\\eta': 'eta', '\\lambda': 'lambda', '\\Delta ': 'delta ', '\\Delta': 'delta',
  '\\times': ' times ', '\\le': ' at most ', '\\ge': ' at least ', '\\partial ': 'partial ', '\\partial': 'partial ',
  '\\cdot': ' times ', '\\pm': ' plus or minus ', '\\to': ' to ', '\\infty': 'infinity', '\\,': ' ', '\\;': ' ', '\\ ': ' ',
};
function mathWords(tex) {
  let t = ` ${tex} `.replace(/\{([^{}]*)\}/g, (m, x) => (/^[-\w.]+$/.test(x) ? x : m));   // {3} -> 3
  for (let k = 0; k < 5; k++) {
    t = t.replace(/\\sqrt\s*\{([^{}]*)\}/g, 'the square root of $1')
      .replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '$1 over $2')
      .replace(/\\hat\s*\{?([A-Za-z])\}?/g, '$1 hat')
      .replace(/\{([^{}]*)\}/g, '($1)');
  }
  for (const [k, v] of Object.entries(WORD_SYMBOLS)) t = t.split(k).join(v);
  t = t.replace(/\^(?:\(2\)|2)(?![\d.])/g, ' squared').replace(/\^(?:\(3\)|3)(?![\d.])/g, ' cubed')
    .replace(/\^\(([^()]*)\)/g, ' to the power $1').replace(/\^(\S)/g, ' to the power $1')
    .replace(/_\(([^()]*)\)/g, ' sub $1').replace(/_(\S)/g, ' sub $1')
    .replace(/(\w)\/(\w)/g, '$1 over $2').replace(/\//g, ' over ')
    .replace(/-(?=\s*\d)/g, 'minus ').replace(/=/g, ' equals ').replace(/\+/g, ' plus ').replace(/ - /g, ' minus ')
    .replace(/\\([A-Za-z]+)/g, '$1');
  return t.replace(/\s+/g, ' ').replace(/\s+([,)])/g, '$1').replace(/\(\s+/g, '(').trim();
}
module.exports.mathWords = mathWords;
