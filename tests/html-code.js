#!/usr/bin/env node
// The code of the web edition is doc.nw's code, and it compiles.
//
//   - every chunk of doc.nw is shown once, in order, under its name, and
//     its text (a use written <<name>> as in doc.nw) is the chunk's text
//     in doc.nw, character for character: what a reader copies is the code;
//   - every chunk carries the tag the PDF prints for it (its name's first
//     definition's tag beside the name, "⟨name 22a⟩+≡"), read from the
//     PDF's text in order (pdftotext of build/doc.pdf);
//   - every whole file the root chunks link to compiles as C11 on its own
//     (with the library's headers beside it), with no warning.
//
//   node tests/html-code.js doc.nw build/html
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [nwFile, htmlDir] = process.argv.slice(2);
const failures = [];

// doc.nw's chunks, read the way noweb's markup reads them.
const want = [];
let cur = null;
for (const line of fs.readFileSync(nwFile, 'utf8').split('\n')) {
  const start = /^<<(.+)>>=\s*$/.exec(line);
  if (start) { cur = { name: start[1], lines: [] }; want.push(cur); continue; }
  if (/^@( |$)/.test(line)) { cur = null; continue; }
  if (cur) cur.lines.push(line.replace(/@<</g, '<<').replace(/@>>/g, '>>'));
}
// A chunk name's [[code]] is set as code, without the brackets.
const unquote = (s) => s.replace(/\[\[(.*?)\]\]/g, '$1');
for (const w of want) { w.name = unquote(w.name); w.lines = w.lines.map((l) => l.replace(/<<(.*?)>>/g, (m) => unquote(m))); }
const body = (lines) => lines.join('\n').replace(/\s+$/, '');

const decode = (s) => s.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&#39;/g, '\'').replace(/&amp;/g, '&');
const shown = [];
for (const page of fs.readFileSync(path.join(htmlDir, 'pages.txt'), 'utf8').trim().split('\n')) {
  const html = fs.readFileSync(path.join(htmlDir, page), 'utf8');
  for (const m of html.matchAll(/<div class="chunk"[^>]*><div class="chunkname">(.*?)<\/div><pre[^>]*><code>(.*?)<\/code><\/pre>/gs)) {
    const head = decode(m[1]).replace(/^\S+ /, '');
    const name = head.replace(/^⟨(.*) \w+⟩\+?≡$/s, '$1');
    const code = decode(m[2].replace(/<a class="use"[^>]*>⟨(.*?) <span class="n">\w+<\/span>⟩<\/a>/g, (_, n) => `<<${n.replace(/<[^>]*>/g, '')}>>`.replace(/</g, '&lt;').replace(/>/g, '&gt;')));
    shown.push({ page, name, code, head });
  }
}
if (shown.length !== want.length) failures.push(`doc.nw has ${want.length} chunks, the HTML shows ${shown.length}`);
for (let k = 0; k < Math.min(shown.length, want.length); k++) {
  const h = shown[k], w = want[k];
  if (h.name !== w.name) { failures.push(`${h.page}: chunk ${k + 1} is named <<${h.name}>>, doc.nw's <<${w.name}>>`); continue; }
  if (body(h.code.split('\n')) !== body(w.lines)) {
    const a = h.code.split('\n'), b = body(w.lines).split('\n');
    const i = b.findIndex((l, j) => l !== a[j]);
    failures.push(`${h.page}: chunk <<${h.name}>> differs from doc.nw at its line ${i + 1}: "${a[i]}" for "${b[i]}"`);
  }
}

// The PDF's chunk headings, in order: "⟨name tag⟩≡" or "+≡".
const pdfHeads = execFileSync('pdftotext', [path.join(htmlDir, 'doc.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
  .replace(/\s+/g, ' ').match(/⟨[^⟨⟩]*⟩\+?≡/g) || [];
if (pdfHeads.length !== shown.length) failures.push(`the PDF shows ${pdfHeads.length} chunk headings, the HTML ${shown.length}`);
let tagged = 0;
for (let k = 0; k < Math.min(shown.length, pdfHeads.length); k++) {
  // The PDF sets ' as a closing quote.
  const h = shown[k].head.replace(/\s+/g, ' ').replace(/'/g, '’');
  if (h !== pdfHeads[k]) failures.push(`${shown[k].page}: chunk ${k + 1} is headed ${h}, in the PDF ${pdfHeads[k]}`); else tagged++;
}

// The whole files, as a reader downloads them.
const srcDir = path.join(htmlDir, 'src');
const files = [];
const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else files.push(p); } };
if (fs.existsSync(srcDir)) walk(srcDir);
const cfiles = files.filter((f) => f.endsWith('.c'));
if (cfiles.length === 0) failures.push(`${srcDir}: no C file to download`);
for (const f of cfiles) {
  try {
    execFileSync(process.env.CC || 'cc', ['-std=c11', '-Wall', '-Wextra', '-Werror', '-fsyntax-only', '-I', path.join(srcDir, 'lib'), f], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    failures.push(`${f}: does not compile as downloaded:\n${e.stderr}`);
  }
}

for (const f of failures) process.stderr.write(`html-code: ${f}\n`);
console.log(`  html: ${shown.length} chunks shown as doc.nw has them, ${tagged} tagged as in the PDF, ${cfiles.length} whole C files compile: ${failures.length ? 'NO' : 'yes'}`);
process.exit(failures.length ? 1 : 0);
