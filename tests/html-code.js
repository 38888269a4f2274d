#!/usr/bin/env node
// The code of the web edition is doc.nw's code, and it compiles.
//
//   - every chunk of doc.nw is shown once, in order, under its name, and
//     its text (a use written <<name>> as in doc.nw) is the chunk's text
//     in doc.nw, character for character: what a reader copies is the code;
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
const body = (lines) => lines.join('\n').replace(/\s+$/, '');

const decode = (s) => s.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&#39;/g, '\'').replace(/&amp;/g, '&');
const shown = [];
for (const page of fs.readFileSync(path.join(htmlDir, 'pages.txt'), 'utf8').trim().split('\n')) {
  const html = fs.readFileSync(path.join(htmlDir, page), 'utf8');
  for (const m of html.matchAll(/<div class="chunk"[^>]*><div class="chunkname">(.*?)<\/div><pre><code>(.*?)<\/code><\/pre>/gs)) {
    const name = decode(m[1]).replace(/^⟨(.*) \d+⟩\+?≡$/s, '$1');
    const code = decode(m[2].replace(/<a class="use"[^>]*>⟨(.*?) <span class="n">\d+<\/span>⟩<\/a>/g, (_, n) => `<<${n}>>`.replace(/</g, '&lt;').replace(/>/g, '&gt;')));
    shown.push({ page, name, code });
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
console.log(`  html: ${shown.length} chunks shown as doc.nw has them, ${cfiles.length} whole C files compile: ${failures.length ? 'NO' : 'yes'}`);
process.exit(failures.length ? 1 : 0);
