#!/usr/bin/env node
// The numbers of the web edition are those of the PDF.
//
// Every \val{program/key} of doc.nw is a number a program computed.  This
// test reads each program's values.tex itself, writes each value as plain
// text (10^{-6} as 10−6, \times as ×), and checks that
//   - every \val of doc.nw appears in the HTML, as often as in doc.nw;
//   - each place in the HTML that shows a value shows exactly that text;
//   - that text is in the PDF's text too (pdftotext of build/doc.pdf).
//
//   node tests/html-values.js doc.nw build
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [nwFile, buildDir] = process.argv.slice(2);
const failures = [];

// Plain text of a value as TeX sets it; spaces do not count.
function plain(tex) {
  return tex.replace(/\\times/g, '×').replace(/\\cdot/g, '·').replace(/\\Delta/g, 'Δ').replace(/\\[,;: !]/g, '')
    .replace(/\\(?:mathrm|text)\{([^}]*)\}/g, '$1').replace(/[\^_{}]/g, '').replace(/-/g, '−');
}
// Text as a reader sees it, for comparison: one minus sign, one Delta, no
// spaces but between two letters or digits (so table columns stay apart).
const norm = (s) => s.replace(/[\u2061-\u2063]/g, '').replace(/[-\u2212]/g, '−').replace(/\u2206/g, 'Δ')
  .replace(/\s+/g, ' ').replace(/ (?=[^A-Za-z0-9.])|(?<=[^A-Za-z0-9.]) /g, '').trim();
// A number found in a text: not as a part of a longer number.
function hasNumber(text, number) {
  for (let i = text.indexOf(number); i >= 0; i = text.indexOf(number, i + 1)) {
    if (!/[0-9.]/.test(text[i - 1] || '') && !/[0-9]/.test(text[i + number.length] || '')) return true;
  }
  return false;
}

const values = new Map();
for (const d of fs.readdirSync(path.join(buildDir, 'data'))) {
  const f = path.join(buildDir, 'data', d, 'values.tex');
  if (!fs.existsSync(f)) continue;
  for (const m of fs.readFileSync(f, 'utf8').matchAll(/^\\defval\{([^}]*)\}\{(.*)\}\s*$/gm)) values.set(m[1], plain(m[2]));
}

// \val uses in doc.nw, outside code chunks and comments.
const wanted = new Map();
let inCode = false;
for (const line of fs.readFileSync(nwFile, 'utf8').split('\n')) {
  if (/^<<.*>>=\s*$/.test(line)) { inCode = true; continue; }
  if (/^@( |$)/.test(line)) inCode = false;
  if (inCode) continue;
  for (const m of line.replace(/(^|[^\\])%.*$/, '$1').matchAll(/\\val\{([^}]*)\}/g)) wanted.set(m[1], (wanted.get(m[1]) || 0) + 1);
}
// The preamble's definition of \val itself is no use of it.
wanted.delete('#1');

// Every place in the HTML that shows a value: a value alone, or a formula
// quoting some.  MathML's text, without the TeX annotation.
const text = (html) => html.replace(/<annotation[^>]*>.*?<\/annotation>/gs, '').replace(/<[^>]*>/g, '')
  .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ');
const shown = new Map();
const htmlDir = path.join(buildDir, 'html');
for (const page of fs.readFileSync(path.join(htmlDir, 'pages.txt'), 'utf8').trim().split('\n')) {
  const html = fs.readFileSync(path.join(htmlDir, page), 'utf8');
  for (const m of html.matchAll(/<span class="val" data-val="([^"]+)">(.*?<\/math>)/gs)) {
    shown.set(m[1], (shown.get(m[1]) || 0) + 1);
    if (!values.has(m[1])) { failures.push(`${page}: shows ${m[1]}, which no program computed`); continue; }
    if (norm(text(m[2])) !== norm(values.get(m[1]))) failures.push(`${page}: ${m[1]} shown as "${text(m[2])}", computed ${values.get(m[1])}`);
  }
  for (const m of html.matchAll(/<(?:span|div) class="(?:math|display)" data-vals="([^"]+)"[^>]*>(.*?<\/math>)/gs)) {
    for (const key of m[1].split(' ')) {
      shown.set(key, (shown.get(key) || 0) + 1);
      if (!values.has(key)) { failures.push(`${page}: shows ${key}, which no program computed`); continue; }
      if (!hasNumber(norm(text(m[2])), norm(values.get(key)))) failures.push(`${page}: the formula quoting ${key} does not show ${values.get(key)}: "${text(m[2])}"`);
    }
  }
}
for (const [key, n] of wanted) if (shown.get(key) !== n) failures.push(`doc.nw quotes ${key} ${n} time(s), the HTML ${shown.get(key) || 0}`);
for (const key of shown.keys()) if (!wanted.has(key)) failures.push(`the HTML shows ${key}, which doc.nw does not quote`);

// The PDF's text: each value shown must be in it.
const pdf = norm(execFileSync('pdftotext', ['-layout', path.join(buildDir, 'doc.pdf'), '-']).toString());
for (const key of wanted.keys()) {
  if (values.has(key) && !hasNumber(pdf, norm(values.get(key)))) failures.push(`build/doc.pdf: ${key} = ${values.get(key)} is not in its text`);
}

for (const f of failures) process.stderr.write(`html-values: ${f}\n`);
const uses = [...wanted.values()].reduce((a, b) => a + b, 0);
console.log(`  html: ${uses} numbers quoted (${wanted.size} values), the same in the HTML and the PDF: ${failures.length ? 'NO' : 'yes'}`);
process.exit(failures.length ? 1 : 0);
