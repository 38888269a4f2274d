#!/usr/bin/env node
// Every term is defined before it is used, and the subject index is full.
//
// doc.nw marks a term's defining occurrence with \term{...} (or
// \termas{key}{...}), which indexes it with its page in bold; other
// occurrences are plain \index{key}.  From what pdflatex wrote (doc.idx,
// the page map doc.pgs, the labels in doc.aux) and the PDF's text, this
// check fails when
//   - a term of the index has no defining (bold) occurrence, or more than
//     one (a subentry, "term!aspect", belongs to its term);
//   - a term's words occur in Part I's text (its pages as a reader sees
//     them: prose, tables, captions, figure labels, running heads) on a
//     page before the page of its definition, or at all if it is defined
//     after Part I;
//   - the subject index has fewer than MIN_TERMS terms, or none of its
//     pages lies in Part II or the appendices.
// A term is looked for by the words its index entry shows, without a
// parenthesised qualifier ("struct (C)" is looked for as "struct"), as a
// whole word, in the singular or with -s/-es, across a line break or a
// hyphen; an abbreviation in capitals in the qualifier ("(GSL)") is looked
// for too.
//
//   node tests/check-terms.js build
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const MIN_TERMS = 150;
// Words too common to look for: the term is checked for its definition
// only.  Each says why.
const NOT_SEARCHED = new Map([
  ['run', 'every section ends with a "Run it." paragraph'],
]);

const buildDir = process.argv[2];
if (!buildDir) {
  process.stderr.write('usage: node tests/check-terms.js BUILD\n');
  process.exit(2);
}
const latex = path.join(buildDir, 'latex');
const read = (f) => fs.readFileSync(path.join(latex, f), 'utf8');
const failures = [];

// doc.idx: \indexentry{key|hyperindexformat{\textbf}}{folio}, braces nested.
function entries(text) {
  const out = [];
  const head = '\\indexentry{';
  for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i)) {
    let j = i + head.length, depth = 1;
    for (; j < text.length && depth > 0; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}') depth--;
    }
    const body = text.slice(i + head.length, j - 1);
    const page = /^\{([^}]*)\}/.exec(text.slice(j));
    if (!page) throw new Error(`doc.idx: no page after ${body}`);
    const bar = body.indexOf('|');
    out.push({ key: bar < 0 ? body : body.slice(0, bar), bold: bar >= 0 && /textbf/.test(body.slice(bar)), folio: page[1] });
    i = j;
  }
  return out;
}

// The folio of each physical page, and Part I's physical pages.
const physical = new Map();
for (const line of read('doc.pgs').split('\n')) {
  const m = /^(\d+) (\S+)$/.exec(line);
  if (m && !physical.has(m[2])) physical.set(m[2], +m[1]);
}
const labelPage = (label) => {
  const m = new RegExp(`\\\\newlabel\\{${label}\\}\\{\\{[^}]*\\}\\{([^}]*)\\}`).exec(read('doc.aux'));
  if (!m || !physical.has(m[1])) throw new Error(`doc.aux: no page for ${label}`);
  return physical.get(m[1]);
};
const partOne = labelPage('part:ideas'), partTwo = labelPage('part:programs');

// What a term is looked for by: its shown words, TeX and qualifier removed.
function patterns(key) {
  const shown = key.includes('@') ? key.slice(key.indexOf('@') + 1) : key;
  const plain = shown.replace(/\$[^$]*\$/g, '').replace(/\\[A-Za-z]+\s*/g, '').replace(/[{}]/g, '');
  const words = plain.replace(/\([^)]*\)/g, '').replace(/,\s*$/, '').trim().toLowerCase();
  const out = [];
  if (words) {
    const body = words.split(/[\s-]+/).map((w) => w.replace(/[.*+?^${}()|[\]\\']/g, '\\$&')).join('[-\\s]*');
    out.push(new RegExp(`(?<![a-z])${body}(?:s|es)?(?![a-z])`));
  }
  const abbr = /\(([A-Z]{2,})\)/.exec(plain);
  if (abbr) out.push(new RegExp(`(?<![a-z])${abbr[1].toLowerCase()}(?![a-z])`));
  return out;
}

// Headings name what their section goes on to define: the titles of the
// parts and sections (from doc.toc) are not uses of a term.
const titles = [];
for (const m of read('doc.toc').matchAll(/^\\contentsline \{(?:part|section)\}\{(.*)\}\{[^{}]*\}\{[^{}]*\}%$/gm)) {
  const t = m[1].replace(/\\numberline \{[^}]*\}|\\hspace \{[^}]*\}/g, '')
    .replace(/\\texorpdfstring \{([^}]*)\}\{[^}]*\}/g, '$1').replace(/\$/g, '')
    .replace(/\\[A-Za-z]+ ?/g, '').replace(/[{}]/g, '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (t) titles.push(t);
}
titles.sort((a, b) => b.length - a.length);

const pdf = path.join(buildDir, 'doc.pdf');
function pageText(n) {
  const raw = execFileSync('pdftotext', ['-q', '-enc', 'UTF-8', '-f', String(n), '-l', String(n), pdf, '-'],
    { encoding: 'utf8' }).normalize('NFKC').toLowerCase();
  // A word broken at a line's end is joined; a hyphen at a line's end is
  // kept too, in a second reading, for words that have one.
  return [raw.replace(/-\n/g, ''), raw.replace(/-\n/g, '-')].map((t) => {
    let text = t.replace(/\s+/g, ' ');
    for (const title of titles) text = text.split(title).join(' ');
    return text;
  });
}

// A subentry ("exercises!answers to") belongs to its term, which is the
// one defined; the term's definition is the bold page of the term itself.
const all = entries(read('doc.idx'));
const terms = new Map();
for (const e of all) {
  const top = e.key.split('!')[0];
  if (!terms.has(top)) terms.set(top, { defs: [], pages: [] });
  const t = terms.get(top);
  (e.bold && top === e.key ? t.defs : t.pages).push(e.folio);
}
const lastPage = Math.max(...physical.values());
let laterPages = 0;
for (const [key, t] of terms) {
  if (t.defs.length !== 1) {
    failures.push(`"${key}": ${t.defs.length === 0 ? 'indexed but never defined (no \\term)' : `defined ${t.defs.length} times, on pages ${t.defs.join(', ')}`}`);
    continue;
  }
  const def = physical.get(t.defs[0]);
  if (def === undefined) failures.push(`"${key}": defined on page ${t.defs[0]}, which the page map lacks`);
  t.def = def;
  if ([...t.defs, ...t.pages].some((f) => physical.get(f) >= partTwo)) laterPages++;
}
const texts = new Map();
for (let p = partOne; p < partTwo && p <= lastPage; p++) texts.set(p, pageText(p));
for (const [key, t] of terms) {
  if (t.def === undefined || NOT_SEARCHED.has(key.toLowerCase())) continue;
  const res = patterns(key);
  for (const [p, variants] of texts) {
    if (p >= t.def) break;
    if (variants.some((v) => res.some((re) => re.test(v)))) {
      const folio = [...physical].find(([, n]) => n === p)[0];
      failures.push(`"${key}" occurs on page ${folio} of Part I, before its definition on page ${t.defs[0]}`);
      break;
    }
  }
}
if (terms.size < MIN_TERMS) failures.push(`the subject index has ${terms.size} terms, fewer than ${MIN_TERMS}`);
if (laterPages === 0) failures.push('no term of the subject index points into Part II or the appendices');

if (failures.length) {
  process.stderr.write(failures.map((f) => `check-terms: ${f}\n`).join(''));
  process.exit(1);
}
process.stdout.write(`terms: ${terms.size} defined before use, ${laterPages} with pages in Part II or the appendices\n`);
