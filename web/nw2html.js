#!/usr/bin/env node
// nw2html: the web edition of doc.nw.
//
// Reads noweb's pipeline form of the document (markup | finduses | noidx,
// the same cross-reference noweave -index uses for the PDF) and writes one
// HTML page per section (or chapter, when the document has chapters), an
// index page with the table of contents, and the indexes.  The prose is
// the LaTeX subset the document uses; a command this converter does not
// know stops it with doc.nw's line number, so nothing is silently dropped.
// Math becomes MathML at build time (KaTeX under node): the pages need no
// script.  Numbers come from the programs' values.tex, as in the PDF.
//
//   node web/nw2html.js PIPE BUILD OUTDIR
//
// PIPE: the pipeline text; BUILD: build/ (data/, fig/standalone/, plain/);
// OUTDIR: created, must not exist.
'use strict';
const fs = require('fs');
const path = require('path');
const katex = require(process.env.KATEX || '/usr/share/javascript/katex/katex.js');
const mathml = require('./mathml.js');

const [pipeFile, buildDir, outDir] = process.argv.slice(2);
if (!outDir) {
  process.stderr.write('usage: nw2html.js PIPE BUILD OUTDIR\n');
  process.exit(2);
}

let srcLine = 0;             // doc.nw line of what is being converted
function die(msg, line) {
  process.stderr.write(`doc.nw:${line || srcLine}: html: ${msg}\n`);
  process.exit(1);
}
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/"/g, '&quot;');
// A link to a label anywhere: resolved once every page is known.
const href = (label) => `\u0001${label}\u0001`;

// ------------------------------------------------------------ the pipeline
// Docs chunks become one LaTeX string in which each code chunk is
// \NWCHUNK{n} and each [[quote]] \NWQUOTE{n}; every doc.nw line stays one
// line of that string, so an offset gives back doc.nw's line.
const chunks = [];
const quotes = [];
const chunkIndex = [];       // {name, label, defs: [], uses: []}
const identIndex = [];       // {name, label, defs: [], uses: []}
function parsePipeline(text) {
  let latex = '';
  let mode = null, cur = null, quote = null, ref = null, identNext = null;
  let entry = null;
  for (const line of text.split('\n')) {
    const sp = line.indexOf(' ');
    const kw = sp < 0 ? line : line.slice(0, sp);
    const rest = sp < 0 ? '' : line.slice(sp + 1);
    const [sub, arg] = (() => { const i = rest.indexOf(' '); return i < 0 ? [rest, ''] : [rest.slice(0, i), rest.slice(i + 1)]; })();
    switch (kw) {
    case '@begin':
      if (sub === 'docs') mode = 'docs';
      else if (sub === 'code') { mode = 'code'; cur = { items: [], nl: 0, defitems: [], useitems: [], defines: [], line: latex.split('\n').length }; }
      break;
    case '@end':
      if (sub === 'code') {
        chunks.push(cur);
        latex += `\\NWCHUNK{${chunks.length - 1}}` + '%\n'.repeat(cur.nl);
        cur = null;
      }
      mode = null;
      break;
    case '@text':
      if (quote) quote.text += rest;
      else if (mode === 'docs') latex += rest;
      else if (mode === 'code') {
        if (identNext !== null && rest.startsWith(identNext.s)) {
          cur.items.push(identNext);
          if (rest.length > identNext.s.length) cur.items.push({ t: 'text', s: rest.slice(identNext.s.length) });
        } else cur.items.push({ t: 'text', s: rest });
        identNext = null;
      }
      break;
    case '@nl':
      if (quote) quote.text += '\n';
      else if (mode === 'docs') latex += '\n';
      else if (mode === 'code') { cur.items.push({ t: 'nl' }); cur.nl++; }
      break;
    case '@quote': quote = { text: '' }; break;
    case '@endquote':
      quotes.push(quote.text);
      latex += `\\NWQUOTE{${quotes.length - 1}}`;
      quote = null;
      break;
    case '@defn': cur.name = rest; break;
    case '@use':
      if (mode === 'code') cur.items.push({ t: 'use', name: rest, ref });
      else if (quote) quote.text += `<<${rest}>>`;
      ref = null;
      break;
    case '@xref':
      if (sub === 'label' && mode === 'code' && !cur.label) cur.label = arg;
      else if (sub === 'ref') ref = arg;
      else if (sub === 'prevdef' && cur) cur.prevdef = arg;
      else if (sub === 'nextdef' && cur) cur.nextdef = arg;
      else if (sub === 'defitem' && cur) cur.defitems.push(arg);
      else if (sub === 'useitem' && cur) cur.useitems.push(arg);
      else if (sub === 'notused' && cur) cur.notused = true;
      else if (sub === 'chunkbegin') { const i = arg.indexOf(' '); entry = { label: arg.slice(0, i), name: arg.slice(i + 1), defs: [], uses: [] }; chunkIndex.push(entry); }
      else if (sub === 'chunkdefn') entry.defs.push(arg);
      else if (sub === 'chunkuse') entry.uses.push(arg);
      break;
    case '@index':
      if (sub === 'use' && mode === 'code') { identNext = { t: 'ident', s: arg, ref }; ref = null; }
      else if (sub === 'defn' && mode === 'code') { cur.defines.push({ name: arg, ref }); ref = null; }
      else if (sub === 'entrybegin') { const i = arg.indexOf(' '); entry = { label: arg.slice(0, i), name: arg.slice(i + 1), defs: [], uses: [] }; identIndex.push(entry); }
      else if (sub === 'entrydefn') entry.defs.push(arg);
      else if (sub === 'entryuse') entry.uses.push(arg);
      break;
    default: break;   // @file, @language, @literal... carry nothing shown
    }
  }
  return latex;
}

// ------------------------------------------------------------ values
// \defval{program/key}{value} lines of every build/data/*/values.tex.
const values = new Map();
function readValues(file) {
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\\defval\{([^}]*)\}\{((?:[^{}]|\{[^{}]*\})*)\}/g)) values.set(m[1], m[2]);
}

// ------------------------------------------------------------ LaTeX
const macros = new Map();    // \newcommand{\name}[n]{body} of the document

class Src {
  constructor(s, base) { this.s = s; this.i = 0; this.base = base || 0; }
  line() { return this.base + this.s.slice(0, this.i).split('\n').length; }
  eof() { return this.i >= this.s.length; }
  peek() { return this.s[this.i]; }
  skipSpace() { while (!this.eof() && /[ \t\n]/.test(this.peek())) { if (this.peek() === '%') break; this.i++; } }
  // A {group}: its raw text, braces balanced.
  group(what) {
    this.skipSpace();
    while (this.peek() === '%') { this.comment(); this.skipSpace(); }
    if (this.peek() !== '{') die(`${what || 'command'} needs a {argument}`, this.line());
    const start = ++this.i; let depth = 1;
    while (!this.eof()) {
      const c = this.s[this.i];
      if (c === '\\') { this.i += 2; continue; }
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) { this.i++; return { text: this.s.slice(start, this.i - 1), line: this.base + this.s.slice(0, start).split('\n').length - 1 }; }
      this.i++;
    }
    die('unbalanced braces', this.line());
  }
  optional() {
    const save = this.i; this.skipSpace();
    if (this.peek() !== '[') { this.i = save; return null; }
    const start = ++this.i; let depth = 0;
    while (!this.eof()) {
      const c = this.s[this.i];
      if (c === '{') depth++; else if (c === '}') depth--;
      else if (c === ']' && depth === 0) { this.i++; return this.s.slice(start, this.i - 1); }
      this.i++;
    }
    die('unclosed [option]', this.line());
  }
  command() {      // at a backslash: the command's name
    this.i++;
    const m = /^([A-Za-z@]+\*?|.)/s.exec(this.s.slice(this.i));
    this.i += m[0].length;
    return m[0];
  }
  comment() { while (!this.eof() && this.peek() !== '\n') this.i++; this.i++; }
  // Up to the closing delimiter of math, outside braces.
  until(delim) {
    const start = this.i; let depth = 0;
    while (!this.eof()) {
      if (depth === 0 && this.s.startsWith(delim, this.i)) { const t = this.s.slice(start, this.i); this.i += delim.length; return t; }
      const c = this.s[this.i];
      if (c === '\\') { this.i += 2; continue; }
      if (c === '{') depth++; else if (c === '}') depth--;
      this.i++;
    }
    die(`math not closed by ${delim}`, this.base + this.s.slice(0, start).split('\n').length);
  }
  // The text of an environment up to its \end{name}, nesting counted.
  env(name) {
    const start = this.i; let depth = 1;
    const re = new RegExp(`\\\\(begin|end)\\{${name.replace('*', '\\*')}\\}`, 'g');
    re.lastIndex = this.i;
    let m;
    while ((m = re.exec(this.s))) {
      depth += m[1] === 'begin' ? 1 : -1;
      if (depth === 0) { this.i = re.lastIndex; return { text: this.s.slice(start, m.index), line: this.base + this.s.slice(0, start).split('\n').length - 1 }; }
    }
    die(`\\begin{${name}} is not closed`, this.line());
  }
}

// Expand the document's own simple macros (\prog, \figureby...) in a piece.
function expandMacros(text) {
  for (let n = 0; n < 20; n++) {
    let changed = false;
    text = text.replace(/\\([A-Za-z]+)(?![A-Za-z])/g, (m, name, off) => {
      const mac = macros.get(name);
      if (!mac) return m;
      changed = true;
      if (mac.n === 0) return mac.body + (/^[A-Za-z]/.test(text.slice(off + m.length)) ? ' ' : '');
      return `\u0002${name}\u0002`;
    });
    // Macros with arguments: replaced with their arguments read as groups.
    while (text.includes('\u0002')) {
      const i = text.indexOf('\u0002'), j = text.indexOf('\u0002', i + 1);
      const name = text.slice(i + 1, j), mac = macros.get(name);
      const s = new Src(text); s.i = j + 1;
      const args = [];
      for (let k = 0; k < mac.n; k++) args.push(s.group(`\\${name}`).text);
      text = text.slice(0, i) + mac.body.replace(/#([1-9])/g, (_, d) => args[d - 1]) + text.slice(s.i);
    }
    if (!changed) break;
  }
  return text;
}

// ------------------------------------------------------------ math
const mathVals = [];         // keys quoted in the formula being converted
function mathTeX(tex, line) {
  // \val inside math: the number itself (it is \ensuremath in the PDF).
  tex = tex.replace(/\\val\s*\{([^}]*)\}/g, (_, key) => {
    if (!values.has(key)) die(`no program computed the value '${key}'`, line);
    mathVals.push(key);
    return `{${values.get(key)}}`;
  });
  return expandMacros(tex).replace(/\\texorpdfstring\{([^{}]*)\}\{[^{}]*\}/g, '$1');
}
function renderMath(tex, display, line) {
  mathVals.length = 0;
  const t = mathTeX(tex, line);
  if (process.env.NW2HTML_FORMULAS) fs.appendFileSync(process.env.NW2HTML_FORMULAS, JSON.stringify({ tex: t, display }) + '\n');
  let html;
  try {
    html = mathml.fix(katex.renderToString(t, { output: 'mathml', displayMode: display, throwOnError: true, strict: 'error' }));
  } catch (e) {
    die(`formula ${JSON.stringify(tex.trim())}: ${e.message}`, line);
  }
  const vals = mathVals.length ? ` data-vals="${esc(mathVals.join(' '))}"` : '';
  return display ? `<div class="display"${vals}>${html}</div>` : `<span class="math"${vals}>${html}</span>`;
}

// ------------------------------------------------------------ text
// The converter's output is a list of nodes: inline HTML, paragraph breaks
// and blocks (which end a paragraph).  Headings are blocks too, with the
// facts the pager needs.
const counters = { section: 0, subsection: 0, figure: 0, table: 0, appendix: false, part: 0 };
const labels = new Map();    // LaTeX label -> {id, num, kind}
let pendingLabelTarget = null; // the numbered thing a \label names
let secPrefix = '';          // "3" or "A": section number, for ids of figures

const romans = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
function slug(s) { return s.toLowerCase().replace(/<[^>]*>/g, '').replace(/&[a-z]+;/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x'; }

// Words and symbols written with commands, in text.
const textSymbols = {
  LaTeX: '<span class="latex">L<sup>a</sup>T<sub>e</sub>X</span>', TeX: '<span class="latex">T<sub>e</sub>X</span>',
  textdegree: '°', ldots: '…', dots: '…', textendash: '–', textemdash: '—', '&': '&amp;', '%': '%', '$': '$',
  '#': '#', _: '_', '{': '{', '}': '}', ',': '\u2009', ' ': ' ', '@': '', '/': '', '-': '\u00ad',
  textbackslash: '\\', S: '§', copyright: '©', slash: '/', quad: '\u2003', qquad: '\u2003\u2003',
};
// Commands that change nothing in HTML (spacing, sizes, layout).
const ignored = new Set(['centering', 'small', 'footnotesize', 'large', 'Large', 'normalsize', 'noindent', 'medskip',
  'bigskip', 'smallskip', 'par', 'newpage', 'clearpage', 'hfill', 'vfill', 'raggedright', 'protect', 'relax',
  'toprule', 'midrule', 'bottomrule', 'maketitle', 'tableofcontents', 'nopagebreak', 'pagebreak', 'linebreak', 'sloppy']);
const inlineWraps = { emph: 'em', textit: 'em', textbf: 'strong', texttt: 'code', textsc: 'span class="sc"', textrm: 'span', textsf: 'span', mbox: 'span', textup: 'span' };

function convert(text, line, ctx) {
  const out = [];
  const s = new Src(text, line - 1);
  let buf = '';
  const flush = () => { if (buf) { out.push({ inline: buf }); buf = ''; } };
  const inline = (h) => { buf += h; };
  const block = (h, extra) => { flush(); out.push(Object.assign({ block: h }, extra || {})); };
  const sub = (t, l, c) => convert(t, l, Object.assign({}, ctx, c || {}));
  const inl = (t, l) => joinInline(sub(t, l, { inlineOnly: true }), l);
  while (!s.eof()) {
    const c = s.peek();
    srcLine = s.line();
    if (c === '%') { s.comment(); continue; }
    if (c === '\n') {
      const m = /^\n[ \t]*(%[^\n]*)?\n/.exec(s.s.slice(s.i));
      if (m && !ctx.inlineOnly) {      // a blank line: a new paragraph
        flush(); out.push({ par: true });
        s.i += m[0].length;
        while (/^[ \t]*\n/.test(s.s.slice(s.i))) s.i += /^[ \t]*\n/.exec(s.s.slice(s.i))[0].length;
        continue;
      }
      inline(' '); s.i++; continue;
    }
    if (c === '~') { inline('\u00a0'); s.i++; continue; }
    if (c === '{' || c === '}') { s.i++; continue; }
    if (c === '$') {
      s.i++;
      const display = s.peek() === '$';
      if (display) s.i++;
      const l = s.line();
      const tex = s.until(display ? '$$' : '$');
      if (display) block(renderMath(tex, true, l)); else inline(renderMath(tex, false, l));
      continue;
    }
    if (c === '`' || c === '\'') {
      if (s.s.startsWith(c + c, s.i)) { inline(c === '`' ? '“' : '”'); s.i += 2; } else { inline(c === '`' ? '‘' : '’'); s.i++; }
      continue;
    }
    if (c === '-') {
      if (s.s.startsWith('---', s.i)) { inline('—'); s.i += 3; } else if (s.s.startsWith('--', s.i)) { inline('–'); s.i += 2; } else { inline('-'); s.i++; }
      continue;
    }
    if (c === '&') {
      if (ctx.cells) { flush(); out.push({ cell: true }); s.i++; continue; }
      die('& outside a table', s.line());
    }
    if (c !== '\\') {
      const m = /^[^\\$%{}~`'\-&\n]+/.exec(s.s.slice(s.i));
      inline(esc(m[0])); s.i += m[0].length; continue;
    }
    const l = s.line();
    const name = s.command();
    if (name === '\\') {
      if (ctx.cells) { s.optional(); flush(); out.push({ row: true }); continue; }
      s.optional(); inline('<br>'); continue;
    }
    if (name === '[') { block(renderMath(s.until('\\]'), true, l)); continue; }
    if (name === '(') { inline(renderMath(s.until('\\)'), false, l)); continue; }
    if (name in textSymbols) { inline(textSymbols[name]); if (/^[A-Za-z]+$/.test(name) && s.peek() === ' ') s.i++; continue; }
    if (ignored.has(name)) continue;
    if (name in inlineWraps) {
      const g = s.group(`\\${name}`);
      const tag = inlineWraps[name];
      inline(`<${tag}>${inl(g.text, g.line)}</${tag.split(' ')[0]}>`);
      continue;
    }
    switch (name) {
    case 'NWCHUNK': { const g = s.group(); block(renderChunk(chunks[+g.text])); break; }
    case 'NWQUOTE': { const g = s.group(); inline(`<code>${esc(quotes[+g.text])}</code>`); break; }
    case 'val': {
      const key = s.group('\\val').text;
      if (!values.has(key)) die(`no program computed the value '${key}'`, l);
      mathVals.length = 0;
      const html = mathml.fix(katex.renderToString(`{${values.get(key)}}`, { output: 'mathml', throwOnError: true }));
      inline(`<span class="val" data-val="${esc(key)}">${html}</span>`);
      break;
    }
    case 'tablerows': {
      const g = s.group('\\tablerows');
      const file = path.join(buildDir, g.text.trim());
      if (!fs.existsSync(file)) die(`\\tablerows: ${file} does not exist`, l);
      s.s = s.s.slice(0, s.i) + '\n' + fs.readFileSync(file, 'utf8').replace(/\n/g, ' ') + s.s.slice(s.i);
      break;
    }
    case 'input': {
      const g = s.group('\\input');
      const m = /^fig\/([A-Za-z0-9_-]+)(\.tex)?$/.exec(g.text.trim());
      if (!m) die(`\\input{${g.text}}: only figures (fig/NAME.tex) are known to the web edition`, l);
      block(figureImage(m[1], ctx));
      break;
    }
    case 'ref': case 'autoref': case 'eqref': {
      const key = s.group('\\ref').text;
      inline(`<a href="\u0003${esc(key)}\u0003">\u0004${esc(key)}\u0004</a>`);
      break;
    }
    case 'label': {
      const key = s.group('\\label').text;
      if (labels.has(key)) die(`label ${key} defined twice`, l);
      const t = ctx.labelTarget || pendingLabelTarget;
      if (!t) { const id = slug(key); labels.set(key, { id, num: '' }); inline(`<span id="${id}"></span>`); } else labels.set(key, t);
      break;
    }
    case 'hspace': case 'hspace*': case 'vspace': case 'vspace*': case 'phantom': s.group(`\\${name}`); break;
    case 'ensuremath': { const g = s.group('\\ensuremath'); inline(renderMath(g.text, false, g.line)); break; }
    case 'textsuperscript': { const g = s.group(); inline(`<sup>${inl(g.text, g.line)}</sup>`); break; }
    case 'textsubscript': { const g = s.group(); inline(`<sub>${inl(g.text, g.line)}</sub>`); break; }
    case 'verb': case 'verb*': {
      const d = s.peek(); const end = s.s.indexOf(d, s.i + 1);
      if (end < 0) die('\\verb is not closed', l);
      inline(`<code>${esc(s.s.slice(s.i + 1, end))}</code>`); s.i = end + 1;
      break;
    }
    // A command the reader types (\cmd: each word unbreakable, lines break only at its spaces) and what the
    // text claims it prints or exits with (\prints, \exits: plain text here;
    // tests/check-commands.pl checks them).
    case 'cmd': { s.optional(); const g = s.group('\\cmd'); inline(`<code class="cmd">${g.text.trim().split(/\s+/).map((w) => `<span>${esc(w)}</span>`).join(' ')}</code>`); break; }
    case 'prints': case 'exits': { s.optional(); const g = s.group(`\\${name}`); inline(inl(g.text, g.line)); break; }
    case 'texorpdfstring': { const a = s.group(); s.group(); inline(inl(a.text, a.line)); break; }
    case 'addcontentsline': s.group(); s.group(); s.group(); break;
    case 'index': {    // the subject index: an anchor here, an entry in \printindex
      const g = s.group('\\index');
      const id = `ix-${subjectIndex.length + 1}`;
      subjectIndex.push({ entry: g.text, id, line: g.line });
      inline(`<span class="ix" id="${id}"></span>`);
      break;
    }
    case 'printindex': {   // a page of its own, titled as makeidx titles it
      const h = heading('section', true, 'Index', 'Subject index');
      block(h.html, { heading: h });
      block('\u000fINDEX\u000f');
      break;
    }
    case 'url': { const g = s.group(); inline(`<a href="${esc(g.text)}">${esc(g.text)}</a>`); break; }
    case 'href': { const u = s.group(), t = s.group(); inline(`<a href="${esc(u.text)}">${inl(t.text, t.line)}</a>`); break; }
    case 'footnote': { const g = s.group(); inline(` <span class="footnote">(${inl(g.text, g.line)})</span>`); break; }
    case 'multicolumn': {     // one cell re-aligned (a heading over a column of numbers)
      const n = s.group('\\multicolumn').text.trim(); s.group('\\multicolumn');
      if (n !== '1') die(`\\multicolumn{${n}}: the web edition sets only single cells`, l);
      const g = s.group('\\multicolumn'); inline(inl(g.text, g.line)); break;
    }
    case 'caption': {
      s.optional();    // the short caption of the lists of figures and tables
      const g = s.group('\\caption');
      if (!ctx.float) die('\\caption outside a figure or table', l);
      ctx.float.caption = inl(g.text, g.line);
      break;
    }
    case 'nowebchunks': block(chunkIndexHtml()); break;
    case 'nowebindex': block(identIndexHtml()); break;
    case 'part': case 'part*': case 'chapter': case 'chapter*': case 'section': case 'section*':
    case 'subsection': case 'subsection*': case 'subsubsection': case 'subsubsection*': case 'paragraph': {
      if (ctx.inlineOnly) die(`\\${name} inside a paragraph-less context`, l);
      const star = name.endsWith('*'), level = name.replace('*', '');
      s.optional();
      const g = s.group(`\\${name}`);
      const title = inl(g.text, g.line);
      if (level === 'paragraph') { flush(); out.push({ par: true }); inline(`<strong class="run-in">${title}</strong> `); break; }
      const h = heading(level, star, title, g.text);
      block(h.html, { heading: h });
      break;
    }
    case 'appendix': counters.appendix = true; counters.section = 0; counters.format = null; break;
    case 'setcounter': {
      const c = s.group('\\setcounter').text.trim(), v = s.group('\\setcounter').text.trim();
      if (!(c in counters)) die(`\\setcounter{${c}}: the web edition counts only ${Object.keys(counters).join(', ')}`, l);
      counters[c] = +v;
      break;
    }
    case 'newcommand': case 'renewcommand': case 'renewcommand*': case 'newcommand*': {
      const save = s.i; s.skipSpace();
      const nm = s.peek() === '\\' ? s.command() : s.group().text.replace(/^\\/, '').trim();
      if (nm === 'thesection' || nm === 'thechapter') { counters.format = s.group().text; break; }
      if (/^the/.test(nm)) { s.group(); break; }   // hyperref's \theH..., other counters' looks
      s.i = save; defineMacro(s);
      break;
    }
    case 'begin': {
      const env = s.group('\\begin').text;
      const body = s.env(env);
      block(environment(env, body, s, ctx, l));
      break;
    }
    case 'end': die(`\\end{${s.group().text}} without its \\begin`, l); break;
    default: {
      if (macros.has(name)) {    // the document's own macro: expand in place
        const mac = macros.get(name);
        const args = [];
        for (let k = 0; k < mac.n; k++) args.push(s.group(`\\${name}`).text);
        s.s = s.s.slice(0, s.i) + mac.body.replace(/#([1-9])/g, (_, d) => args[d - 1]) + s.s.slice(s.i);
        break;
      }
      die(`\\${name} is not known to the web edition (web/nw2html.js)`, l);
    }
    }
  }
  flush();
  return out;
}

function defineMacro(s) {
  s.skipSpace();
  const name = s.peek() === '\\' ? s.command() : s.group('\\newcommand').text.replace(/^\\/, '').trim();
  const n = +(s.optional() || 0);
  macros.set(name, { n, body: s.group(`\\newcommand{${name}}`).text });
}

function joinInline(nodes, line) {
  return nodes.map((n) => {
    if ('inline' in n) return n.inline;
    if (n.par) return ' ';
    if (n.block !== undefined && n.float === undefined && !n.heading) return n.block;
    die('a block (heading or float) where only text may stand', line);
    return '';
  }).join('');
}

// Paragraphs from a node list.
function paragraphs(nodes) {
  let html = '', p = '';
  const close = () => { if (p.trim()) html += `<p>${p.trim()}</p>\n`; p = ''; };
  for (const n of nodes) {
    if ('inline' in n) p += n.inline;
    else if (n.par) close();
    else if (n.block !== undefined) { close(); html += n.block + '\n'; }
  }
  close();
  return html;
}

// ------------------------------------------------------------ headings
function heading(level, star, title, raw) {
  const h = { level, star, title, raw };
  if (level === 'part') {
    counters.part++;
    h.num = star ? '' : romans[counters.part] || String(counters.part);
    h.id = `part-${h.num || slug(raw)}`;
    h.html = `<h1 class="part" id="${h.id}">${h.num ? `Part ${h.num}<br>` : ''}${title}</h1>`;
  } else if (level === 'chapter' || level === 'section') {
    if (!star) counters.section++;
    counters.subsection = 0;
    const n = counters.section;
    h.num = star ? '' : counters.format
      ? counters.format.replace(/\\arabic\{[a-z]+\}/g, String(n)).replace(/\\Alph\{[a-z]+\}/g, String.fromCharCode(64 + n)).replace(/\\alph\{[a-z]+\}/g, String.fromCharCode(96 + n))
      : counters.appendix ? String.fromCharCode(64 + n) : String(n);
    if (/[\\{}]/.test(h.num)) die(`\\thesection gives ${h.num}: not a number the web edition can write`);
    secPrefix = h.num;
    h.id = 'top';
    h.html = `<h1 id="top">${h.num ? `<span class="num">${h.num}</span> ` : ''}${title}</h1>`;
  } else {
    if (!star && level === 'subsection') counters.subsection++;
    h.num = star || level !== 'subsection' || !secPrefix ? '' : `${secPrefix}.${counters.subsection}`;
    h.id = slug(title);
    const tag = level === 'subsection' ? 'h2' : 'h3';
    h.html = `<${tag} id="${h.id}">${h.num ? `<span class="num">${h.num}</span> ` : ''}${title}</${tag}>`;
  }
  pendingLabelTarget = { id: h.id, num: h.num, heading: h };
  return h;
}

// ------------------------------------------------------------ environments
function environment(env, body, s, ctx, line) {
  switch (env) {
  case 'figure': case 'figure*': case 'table': case 'table*': {
    const bs = new Src(body.text);
    if (bs.optional() !== null) { body = { text: ' '.repeat(bs.i) + body.text.slice(bs.i), line: body.line }; }
    const kind = env.replace('*', '');
    const num = ++counters[kind];
    const target = { id: `${kind}-${num}`, num: String(num) };
    const fl = {};
    const nodes = convert(body.text, body.line + 1, Object.assign({}, ctx, { float: fl, labelTarget: target }));
    if (!fl.caption) die(`${kind} ${num} has no caption`, line);
    const alt = fl.caption.replace(/<annotation[^>]*>.*?<\/annotation>/gs, '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
    const inner = paragraphs(nodes).replace(/alt="\u0008"/g, `alt="${esc(alt)}"`);
    const cap = `<figcaption><span class="fignum">${kind === 'figure' ? 'Figure' : 'Table'} ${num}.</span> ${fl.caption}</figcaption>`;
    return `<figure class="${kind}" id="${target.id}">${kind === 'table' ? cap + inner : inner + cap}</figure>`;
  }
  case 'tabular': case 'tabular*': {
    if (env === 'tabular*') s.group();
    const spec = new Src(body.text);
    const colspec = spec.group('tabular').text;
    const aligns = [];
    const cs = new Src(colspec);
    while (!cs.eof()) {
      const c = cs.peek();
      if ('lrc'.includes(c)) { aligns.push(c); cs.i++; } else if (c === 'd') { aligns.push('r'); cs.i++; } else if ('pmb'.includes(c)) { cs.i++; cs.group(); aligns.push('p'); } else if (c === '@' || c === '>' || c === '<') { cs.i++; cs.group(); } else cs.i++;
    }
    const rest = body.text.slice(spec.i);
    const restLine = body.line + body.text.slice(0, spec.i).split('\n').length;
    const head = /\\midrule/.test(rest) ? rest.split('\\midrule')[0] : null;
    const rows = (t, l, tag) => {
      const nodes = convert(t, l, Object.assign({}, ctx, { cells: true, inlineOnly: true }));
      const out = []; let row = [], cell = '';
      for (const n of nodes) {
        if ('inline' in n) cell += n.inline;
        else if (n.cell) { row.push(cell); cell = ''; } else if (n.row) { row.push(cell); out.push(row); row = []; cell = ''; } else if (n.par) cell += ' ';
      }
      if (cell.trim()) { row.push(cell); out.push(row); }
      return out.map((r) => `<tr>${r.map((c, k) => `<${tag} class="${aligns[k] || 'l'}">${c.trim()}</${tag}>`).join('')}</tr>`).join('\n');
    };
    const tailText = head === null ? rest : rest.slice(rest.indexOf('\\midrule') + 8);
    const tailLine = restLine + (head === null ? 0 : head.split('\n').length - 1);
    return `<div class="tabular"><table>${head !== null ? `<thead>${rows(head, restLine, 'th')}</thead>` : ''}<tbody>${rows(tailText, tailLine, 'td')}</tbody></table></div>`;
  }
  case 'itemize': case 'enumerate': case 'description': {
    const parts = body.text.split(/\\item\b/);
    const lineOf = (k) => body.line + parts.slice(0, k).join('\\item').split('\n').length;
    const tag = env === 'itemize' ? 'ul' : env === 'enumerate' ? 'ol' : 'dl';
    let html = `<${tag}>`;
    for (let k = 1; k < parts.length; k++) {
      const it = new Src(parts[k], lineOf(k) - 1);
      const opt = it.optional();
      const content = paragraphs(convert(parts[k].slice(it.i), lineOf(k), ctx));
      if (tag === 'dl') html += `<dt>${opt ? joinInline(convert(opt, lineOf(k), Object.assign({}, ctx, { inlineOnly: true })), lineOf(k)) : ''}</dt><dd>${content}</dd>`;
      else html += `<li>${content}</li>`;
    }
    return html + `</${tag}>`;
  }
  // Exercises at a section's end, each \exercise{kind}{label}, numbered
  // within the section; \answer{label} in the appendix answers one.  The
  // numbers link each to the other.
  case 'exercises': case 'answers': {
    const mark = env === 'exercises' ? '\\exercise' : '\\answer';
    const parts = body.text.split(new RegExp(`${mark.replace(/\\/g, '\\\\')}(?![A-Za-z])`));
    let html = env === 'exercises' ? (() => { const h = heading('subsection', true, 'Exercises', 'Exercises'); return h.html; })() : '';
    html += paragraphs(convert(parts[0], body.line + 1, ctx));
    let lineNo = body.line + 1 + parts[0].split('\n').length - 1;
    for (let k = 1; k < parts.length; k++) {
      const it = new Src(parts[k], lineNo - 1);
      let lead = '';
      if (env === 'exercises') {
        const kind = it.group('\\exercise'), label = it.group('\\exercise').text.trim();
        const num = `${secPrefix}.${k}`;
        if (labels.has(label)) die(`label ${label} defined twice`, lineNo);
        labels.set(label, { id: slug(label), num });
        lead = `<span class="exercise" id="${slug(label)}"></span><strong><a href="\u0003ans:${esc(label)}\u0003">${num}</a></strong> <em>${joinInline(convert(kind.text, kind.line, Object.assign({}, ctx, { inlineOnly: true })), kind.line)}.</em> `;
      } else {
        const label = it.group('\\answer').text.trim();
        labels.set(`ans:${label}`, { id: slug(`ans:${label}`), num: '' });
        lead = `<span class="answer" id="${slug(`ans:${label}`)}"></span><strong><a href="\u0003${esc(label)}\u0003">\u0004${esc(label)}\u0004</a></strong> `;
      }
      const nodes = convert(parts[k].slice(it.i), lineNo, ctx);
      const first = nodes.findIndex((n) => 'inline' in n);
      if (first >= 0) nodes[first] = { inline: lead + nodes[first].inline }; else nodes.unshift({ inline: lead });
      html += `<div class="${env === 'exercises' ? 'exercise' : 'answer'}">${paragraphs(nodes)}</div>`;
      lineNo += parts[k].split('\n').length - 1;
    }
    return html;
  }
  case 'verbatim': return `<pre class="verbatim">${esc(body.text.replace(/^\n/, ''))}</pre>`;
  case 'center': case 'quote': case 'quotation': case 'flushleft': case 'minipage':
    if (env === 'minipage') new Src(body.text).group();
    return `<div class="${env}">${paragraphs(convert(body.text, body.line + 1, ctx))}</div>`;
  case 'equation': case 'equation*': case 'displaymath':
    return renderMath(body.text, true, line);
  case 'align': case 'align*': case 'gather': case 'gather*':
    return renderMath(`\\begin{${env.replace('*', '').replace('align', 'aligned').replace('gather', 'gathered')}}${body.text}\\end{${env.replace('*', '').replace('align', 'aligned').replace('gather', 'gathered')}}`, true, line);
  default: die(`environment ${env} is not known to the web edition (web/nw2html.js)`, line);
  }
  return '';
}

// ------------------------------------------------------------ figures
const figuresUsed = [];
function figureImage(name, ctx) {
  const svg = path.join(buildDir, 'fig', 'standalone', `${name}.svg`);
  if (!fs.existsSync(svg)) die(`figure ${name}: ${svg} does not exist (make figures)`);
  figuresUsed.push(name);
  return `<img class="figure" src="fig/${name}.svg" alt="\u0008">`;
}

// ------------------------------------------------------------ subject index
// \index{entry} as makeindex reads it: sort@shown, main!sub, |see{other};
// other |formats only change the look of the page number, and are dropped.
const subjectIndex = [];
function subjectIndexHtml(pageOf) {
  const terms = new Map();
  for (const e of subjectIndex) {
    const [body, fmt] = e.entry.split('|');
    const levels = body.split('!').map((x) => { const [key, shown] = x.includes('@') ? x.split('@') : [x, x]; return { key: key.trim(), shown: shown.trim() }; });
    const k = levels.map((x) => x.key.toLowerCase()).join('\u0000');
    if (!terms.has(k)) terms.set(k, { levels, pages: [], see: [] });
    const t = terms.get(k);
    const see = fmt && /^see(also)?\{(.*)\}$/.exec(fmt);
    if (see) t.see.push(see[2]);
    else if (!t.pages.some((q) => q.page === pageOf(e.id))) t.pages.push({ page: pageOf(e.id), id: e.id });
  }
  const sorted = [...terms.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const shown = (t) => joinInline(convert(t, 1, { inlineOnly: true }), 1);
  return '<ul class="subjectindex">' + sorted.map(([, t]) => {
    const name = t.levels.map((x) => shown(x.shown)).join(', ');
    const pages = t.pages.map((q) => `<a href="${q.page.file}#${q.id}">${q.page.heading.num || q.page.heading.title}</a>`).join(', ');
    const see = t.see.map((x) => `<em>see</em> ${shown(x)}`).join('; ');
    return `<li>${name}${pages ? ' ' + pages : ''}${see ? (pages ? '; ' : ' ') + see : ''}</li>`;
  }).join('\n') + '</ul>';
}

// ------------------------------------------------------------ code chunks
const chunkByLabel = new Map();
let chunkSeq = 0;
function chunkNum(label) { const c = chunkByLabel.get(label); return c ? c.num : '?'; }
function renderChunk(c) {
  const cont = c.prevdef ? '+≡' : '≡';
  const isFile = /\.[ch]$/.test(c.name) && c.useitems.length === 0 && !c.prevdef;
  c.isFile = isFile;
  let name = esc(c.name);
  if (isFile) name = `<a class="file" href="src/${esc(c.name)}" title="the whole file, as tangled">${name}</a>`;
  let code = '';
  for (const it of c.items) {
    if (it.t === 'text') code += esc(it.s);
    else if (it.t === 'nl') code += '\n';
    else if (it.t === 'ident') code += it.ref ? `<a class="id" href="${href(it.ref)}">${esc(it.s)}</a>` : esc(it.s);
    else if (it.t === 'use') code += `<a class="use" href="${it.ref ? href(it.ref) : '#'}">⟨${esc(it.name)} <span class="n">${it.ref ? `\u0005${it.ref}\u0005` : '?'}</span>⟩</a>`;
  }
  code = code.replace(/^\n/, '').replace(/\n$/, '');
  const xr = [];
  const list = (labs) => labs.map((l) => `<a href="${href(l)}">\u0005${l}\u0005</a>`).join(', ');
  const others = c.defitems.filter((l) => l !== c.label);
  if (others.length) xr.push(`This definition is continued in ${list(others)}.`);
  if (c.useitems.length) xr.push(`This code is used in ${list(c.useitems)}.`);
  else if (isFile) xr.push(`Root chunk: the file <a href="src/${esc(c.name)}"><code>${esc(c.name)}</code></a>, whole.`);
  if (c.defines.length) xr.push(`Defines: ${c.defines.map((d) => `<a class="id" href="\u0006${esc(d.name)}\u0006"><code>${esc(d.name)}</code></a>`).join(', ')}.`);
  return `<div class="chunk" id="${c.label}"><div class="chunkname"><a class="self" href="#${c.label}">⟨${name} <span class="n">${c.num}</span>⟩</a>${cont}</div>` +
    `<pre><code>${code}</code></pre>${xr.length ? `<div class="xref">${xr.join(' ')}</div>` : ''}</div>`;
}

function chunkIndexHtml() {
  return '<ul class="chunkindex">' + chunkIndex.map((e) => `<li id="chunk-${slug(e.name)}-${e.label}">⟨${esc(e.name)} <a href="${href(e.label)}">\u0005${e.label}\u0005</a>⟩` +
    `${e.defs.length > 1 ? ` defined in ${e.defs.map((l) => `<a href="${href(l)}">\u0005${l}\u0005</a>`).join(', ')}` : ''}` +
    `${e.uses.length ? `; used in ${e.uses.map((l) => `<a href="${href(l)}">\u0005${l}\u0005</a>`).join(', ')}` : '; a root: a file'}</li>`).join('\n') + '</ul>';
}
function identIndexHtml() {
  return '<ul class="identindex">' + identIndex.map((e) => `<li id="id-${esc(e.name)}"><code>${esc(e.name)}</code>: ` +
    `defined in ${e.defs.map((l) => `<a class="def" href="${href(l)}">\u0005${l}\u0005</a>`).join(', ')}` +
    `${e.uses.length ? `; used in ${e.uses.map((l) => `<a href="${href(l)}">\u0005${l}\u0005</a>`).join(', ')}` : ''}</li>`).join('\n') + '</ul>';
}

// ------------------------------------------------------------ pages
function main() {
  const pipe = fs.readFileSync(pipeFile, 'utf8');
  const latex = parsePipeline(pipe);
  for (const d of fs.readdirSync(path.join(buildDir, 'data'))) {
    const f = path.join(buildDir, 'data', d, 'values.tex');
    if (fs.existsSync(f)) readValues(f);
  }
  chunks.forEach((c) => { c.num = ++chunkSeq; chunkByLabel.set(c.label, c); });

  const b = latex.indexOf('\\begin{document}');
  const e = latex.lastIndexOf('\\end{document}');
  if (b < 0 || e < 0) die('no \\begin{document} ... \\end{document}', 1);
  const preamble = latex.slice(0, b);
  // The preamble's simple \newcommand macros; \val and its kin are built in.
  const ps = new Src(preamble);
  for (const m of preamble.matchAll(/\\newcommand\s*\{?\\([A-Za-z]+)\}?/g)) {
    if (['val', 'defval', 'tablerows'].includes(m[1])) continue;
    ps.i = m.index + '\\newcommand'.length;
    defineMacro(ps);
  }
  const title = (() => { const m = preamble.indexOf('\\title'); if (m < 0) return 'Document'; const s = new Src(preamble); s.i = m + 6; return s.group().text; })();
  const titleHtml = joinInline(convert(title.replace(/\\\\(\[[^\]]*\])?/g, '\u0007'), 1, { inlineOnly: true }), 1)
    .replace('\u0007', '<br><span class="subtitle">') + (title.includes('\\\\') ? '</span>' : '');
  const titleText = titleHtml.replace(/<br>.*$/s, '').replace(/<[^>]*>/g, '');

  const bodyStart = b + '\\begin{document}'.length;
  const bodyLine = latex.slice(0, bodyStart).split('\n').length;
  const nodes = convert(latex.slice(bodyStart, e), bodyLine, {});

  // Split at the page level: chapters if the document has any, else sections.
  const hasChapters = nodes.some((n) => n.heading && n.heading.level === 'chapter');
  const pageLevel = hasChapters ? 'chapter' : 'section';
  const pages = [{ file: 'index.html', nodes: [], heading: null, part: null }];
  let part = null;
  for (const n of nodes) {
    if (n.heading && n.heading.level === 'part') {     // a part has a page: its heading, its introduction
      part = n.heading;
      pages.push({ file: `part-${part.num || slug(part.raw)}.html`, nodes: [n], heading: part, part, isPart: true });
      continue;
    }
    if (n.heading && n.heading.level === pageLevel) {
      const h = n.heading;
      const base = h.num ? `${/^[A-Z]$/.test(h.num) ? 'appendix-' : 'section-'}${h.num}` : slug(h.raw);
      pages.push({ file: `${base}.html`, nodes: [n], heading: h, part });
      continue;
    }
    pages[pages.length - 1].nodes.push(n);
  }
  const seen = new Set();
  for (const p of pages) { if (seen.has(p.file)) die(`two pages named ${p.file}`); seen.add(p.file); }

  // Where every anchor lives.
  const home = new Map();    // anchor id -> page file
  pages.forEach((p) => {
    const html = p.nodes.map((n) => n.block || n.inline || '').join('');
    for (const m of html.matchAll(/ id="([^"]+)"/g)) home.set(`${p.file}#${m[1]}`, p.file);
    for (const m of html.matchAll(/<div class="chunk" id="([^"]+)"/g)) home.set(m[1], p.file);
    p.html = html;
  });
  // The subject index, now that every anchor has its page.
  const ixPage = new Map();
  pages.forEach((p) => { for (const m of p.html.matchAll(/<span class="ix" id="([^"]+)">/g)) ixPage.set(m[1], p); });
  for (const p of pages) {
    if (!p.html.includes('\u000fINDEX\u000f')) continue;
    const ix = subjectIndexHtml((id) => ixPage.get(id));
    p.html = p.html.replace('\u000fINDEX\u000f', ix);
    for (const n of p.nodes) if (n.block === '\u000fINDEX\u000f') n.block = ix;
  }
  const identHome = [...pages].reverse().find((p) => /class="identindex"/.test(p.html));
  const resolve = (p, html) => html
    .replace(/\u0001([^\u0001]+)\u0001/g, (_, l) => { const f = home.get(l); if (!f) die(`no chunk ${l}`); return f === p.file ? `#${l}` : `${f}#${l}`; })
    .replace(/\u0005([^\u0005]+)\u0005/g, (_, l) => String(chunkNum(l)))
    .replace(/\u0006([^\u0006]+)\u0006/g, (_, id) => `${identHome && identHome !== p ? identHome.file : ''}#id-${id}`)
    .replace(/\u0003([^\u0003]+)\u0003/g, (_, key) => {
      const t = labels.get(key); if (!t) die(`\\ref{${key}}: no such \\label`);
      const f = t.heading ? pages.find((q) => q.heading === t.heading) : null;
      const file = f ? f.file : pages.find((q) => q.html.includes(` id="${t.id}"`)).file;
      return t.id === 'top' ? file : file === p.file ? `#${t.id}` : `${file}#${t.id}`;
    })
    .replace(/\u0004([^\u0004]+)\u0004/g, (_, key) => esc(labels.get(key).num || '?'));

  // Table of contents: parts, pages, and their numbered subsections.
  let toc = '<nav class="toc"><h2>Contents</h2><ol class="toc">';
  let lastPart = null;
  const entry = (p) => `<a href="${p.file}">${p.heading.num ? `<span class="num">${p.heading.num}</span> ` : ''}${p.heading.title}</a>`;
  for (const p of pages.slice(1)) {
    if (p.isPart) {
      if (lastPart) toc += '</ol></li>';
      toc += `<li class="part"><a href="${p.file}">${p.part.num ? `Part ${p.part.num}: ` : ''}${p.part.title}</a><ol>`;
      lastPart = p.part;
      continue;
    }
    const subs = p.nodes.filter((n) => n.heading && n.heading.level === 'subsection' && n.heading.num)
      .map((n) => `<li><a href="${p.file}#${n.heading.id}"><span class="num">${n.heading.num}</span> ${n.heading.title}</a></li>`).join('');
    toc += `<li>${entry(p)}${subs ? `<ol>${subs}</ol>` : ''}</li>`;
  }
  if (lastPart) toc += '</ol></li>';
  toc += '</ol></nav>';

  fs.mkdirSync(outDir);
  const plain = (h) => h.replace(/<annotation[^>]*>.*?<\/annotation>/gs, '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
  pages.forEach((p, k) => {
    const prev = pages[k - 1], next = pages[k + 1];
    const label = (q) => q.isPart ? `Part ${q.heading.num}: ${q.heading.title}` : q.heading ? `${q.heading.num ? q.heading.num + ' ' : ''}${q.heading.title}` : 'Contents';
    const nav = `<nav class="pager">${prev ? `<a rel="prev" href="${prev.file}">← ${label(prev)}</a>` : '<span></span>'}` +
      `<a href="index.html">Contents</a>${next ? `<a rel="next" href="${next.file}">${label(next)} →</a>` : '<span></span>'}</nav>`;
    const partLine = p.part && !p.isPart ? `<div class="partline">${p.part.num ? `Part ${p.part.num}: ` : ''}${p.part.title}</div>` : '';
    let body = '';
    const main = p.nodes;
    if (k === 0) body += `<header class="title"><h1>${titleHtml}</h1></header>\n`;
    body += paragraphs(main);
    if (p.isPart) body += `<ol class="toc">${pages.filter((q) => q.part === p.part && !q.isPart).map((q) => `<li>${entry(q)}</li>`).join('')}</ol>`;
    if (k === 0) {
      body += '<p class="edition">The web edition: the same text, numbers, figures and code as the PDF, built from the same source. ' +
        'Where the PDF gives the page of a chunk of code, this edition numbers the chunks in order; each number links to its chunk.</p>\n' + toc;
    }
    const pageTitle = p.heading ? `${plain(label(p))} — ${titleText}` : titleText;
    const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(pageTitle)}</title>
<link rel="stylesheet" href="style.css">
${prev ? `<link rel="prev" href="${prev.file}">` : ''}${next ? `<link rel="next" href="${next.file}">` : ''}
</head>
<body>
${nav}
<main>
${partLine}
${body}
</main>
${nav}
<footer>Built from <code>doc.nw</code>, the source of the PDF edition, with the same numbers.</footer>
</body>
</html>
`;
    fs.writeFileSync(path.join(outDir, p.file), resolve(p, html));
  });
  const leftover = fs.readdirSync(outDir).find((f) => /[\u0001-\u0007]/.test(fs.readFileSync(path.join(outDir, f), 'utf8')));
  if (leftover) die(`${leftover}: an unresolved cross-reference`);
  // The stylesheet, the figures and the tangled files the root chunks link to.
  fs.copyFileSync(path.join(__dirname, 'style.css'), path.join(outDir, 'style.css'));
  fs.mkdirSync(path.join(outDir, 'fig'));
  for (const f of new Set(figuresUsed)) fs.copyFileSync(path.join(buildDir, 'fig', 'standalone', `${f}.svg`), path.join(outDir, 'fig', `${f}.svg`));
  for (const c of chunks.filter((c) => c.isFile)) {
    const from = path.join(buildDir, 'plain', c.name);
    if (!fs.existsSync(from)) die(`${from}: the tangled file is missing`);
    fs.mkdirSync(path.dirname(path.join(outDir, 'src', c.name)), { recursive: true });
    fs.copyFileSync(from, path.join(outDir, 'src', c.name));
  }
  fs.writeFileSync(path.join(outDir, 'pages.txt'), pages.map((p) => p.file).join('\n') + '\n');
  fs.writeFileSync(path.join(outDir, 'figures.txt'), figuresUsed.map((f) => f + '\n').join(''));
}

main();
