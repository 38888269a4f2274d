#!/usr/bin/env node
// Every formula of the web edition is valid MathML Core in the one way a
// browser punishes: each element with a fixed number of children has that
// number (mfrac 2, msub 2, msup 2, msubsup 3, mover 2, munder 2,
// munderover 3, mroot 2).  A wrong count makes Chromium draw the element
// as an error or as a plain row: a fraction loses its bar, a subscript
// sits on the baseline.  This reader is separate from the converter's
// (web/mathml.js), so the converter does not check itself.
//
//   node tests/html-mathml.js build/html
'use strict';
const fs = require('fs');
const path = require('path');

const ARITY = { mfrac: 2, msub: 2, msup: 2, msubsup: 3, mover: 2, munder: 2, munderover: 3, mroot: 2 };
const dir = process.argv[2];
if (!dir) { process.stderr.write('usage: html-mathml.js HTMLDIR\n'); process.exit(2); }
const pages = fs.readFileSync(path.join(dir, 'pages.txt'), 'utf8').trim().split('\n');
let formulas = 0, elements = 0;
const bad = [];
for (const page of pages) {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  for (const m of html.matchAll(/<math\b[^>]*>([\s\S]*?)<\/math>/g)) {
    formulas++;
    const tex = ((/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/.exec(m[1]) || [, '?'])[1])
      .replace(/\s+/g, ' ').trim().replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const stack = [{ tag: 'math', n: 0 }];
    for (const t of m[1].replace(/<annotation[\s\S]*?<\/annotation>/g, '').matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
      if (t[1]) {
        const e = stack.pop();
        if (e.tag !== t[2]) { bad.push(`${page}: ${tex}: </${t[2]}> closes <${e.tag}>`); break; }
        if (e.tag in ARITY) {
          elements++;
          if (e.n !== ARITY[e.tag]) bad.push(`${page}: formula ${tex}: <${e.tag}> with ${e.n} children (MathML Core needs ${ARITY[e.tag]})`);
        }
        continue;
      }
      stack[stack.length - 1].n++;
      if (!t[3]) stack.push({ tag: t[2], n: 0 });
    }
  }
}
for (const b of bad) process.stderr.write(`${b}\n`);
console.log(`  mathml: ${formulas} formulas, ${elements} fraction, script, accent and root elements, ${bad.length} malformed`);
process.exit(bad.length || formulas === 0 ? 1 : 0);
