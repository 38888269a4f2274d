// latex: the prose of doc.nw, the LaTeX subset it uses, as HTML.  A
// command this converter does not know stops it with doc.nw's line
// number, so nothing is silently dropped.  Everything the conversion
// learns (labels, counters, the document's macros, index entries,
// figures used) goes into the document state D that nw2html.js makes;
// this module keeps none.
//
// The result of convert() is a list of nodes: inline HTML, paragraph
// breaks and blocks (which end a paragraph).  Headings are blocks too,
// with the facts the pager needs.
'use strict';
const fs = require('fs');
const path = require('path');
const { die, esc, slug, plain, MARK } = require('./util.js');
const math = require('./math.js');
const noweb = require('./noweb.js');
const indexes = require('./indexes.js');

// A fresh document state: what the conversion fills in.
function newState(buildDir, parsed, values) {
  return Object.assign({}, parsed, {
    buildDir, values, macros: new Map(), mathVals: [],
    counters: { section: 0, subsection: 0, figure: 0, table: 0, appendix: false, part: 0 },
    labels: new Map(),            // LaTeX label -> {id, num, heading?}
    pendingLabelTarget: null,     // the numbered thing a \label names
    secPrefix: '',                // "3" or "A": the section's number
    figuresUsed: [], subjectIndex: [], line: 0,
    names: { subjectIndex: 'Index of subjects' },
  });
}

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
function expandMacros(D, text) {
  for (let n = 0; n < 20; n++) {
    let changed = false;
    text = text.replace(/\\([A-Za-z]+)(?![A-Za-z])/g, (m, name, off) => {
      const mac = D.macros.get(name);
      if (!mac) return m;
      changed = true;
      if (mac.n === 0) return mac.body + (/^[A-Za-z]/.test(text.slice(off + m.length)) ? ' ' : '');
      return `\u0002${name}\u0002`;
    });
    // Macros with arguments: replaced with their arguments read as groups.
    while (text.includes('\u0002')) {
      const i = text.indexOf('\u0002'), j = text.indexOf('\u0002', i + 1);
      const name = text.slice(i + 1, j), mac = D.macros.get(name);
      const s = new Src(text); s.i = j + 1;
      const args = [];
      for (let k = 0; k < mac.n; k++) args.push(s.group(`\\${name}`).text);
      text = text.slice(0, i) + mac.body.replace(/#([1-9])/g, (_, d) => args[d - 1]) + text.slice(s.i);
    }
    if (!changed) break;
  }
  return text;
}

const romans = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

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
  const D = ctx.D;
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
    D.line = s.line();
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
      if (display) block(math.renderMath(D, tex, true, l)); else inline(math.renderMath(D, tex, false, l));
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
    if (name === '[') { block(math.renderMath(D, s.until('\\]'), true, l)); continue; }
    if (name === '(') { inline(math.renderMath(D, s.until('\\)'), false, l)); continue; }
    if (name in textSymbols) { inline(textSymbols[name]); if (/^[A-Za-z]+$/.test(name) && s.peek() === ' ') s.i++; continue; }
    if (ignored.has(name)) continue;
    if (name in inlineWraps) {
      const g = s.group(`\\${name}`);
      const tag = inlineWraps[name];
      inline(`<${tag}>${inl(g.text, g.line)}</${tag.split(' ')[0]}>`);
      continue;
    }
    switch (name) {
    case 'NWCHUNK': { const g = s.group(); block(noweb.renderChunk(D.chunks[+g.text])); break; }
    case 'NWQUOTE': { const g = s.group(); inline(`<code>${esc(D.quotes[+g.text])}</code>`); break; }
    case 'val': inline(math.renderVal(D, s.group('\\val').text, l)); break;
    case 'tablerows': {
      const g = s.group('\\tablerows');
      const file = path.join(D.buildDir, g.text.trim());
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
      inline(`<a href="${MARK.ref}${esc(key)}${MARK.ref}">${MARK.refnum}${esc(key)}${MARK.refnum}</a>`);
      break;
    }
    case 'label': {
      const key = s.group('\\label').text;
      if (D.labels.has(key)) die(`label ${key} defined twice`, l);
      const t = ctx.labelTarget || D.pendingLabelTarget;
      if (!t) { const id = slug(key); D.labels.set(key, { id, num: '' }); inline(`<span id="${id}"></span>`); } else D.labels.set(key, t);
      break;
    }
    case 'hspace': case 'hspace*': case 'vspace': case 'vspace*': case 'phantom': s.group(`\\${name}`); break;
    case 'ensuremath': { const g = s.group('\\ensuremath'); inline(math.renderMath(D, g.text, false, g.line)); break; }
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
    // An option and its value are one unbreakable unit, as in the PDF
    // (doc.nw's \pb@optval): a word that starts with "-" and the next,
    // unless that is another option or a path.
    case 'cmd': {
      s.optional(); const g = s.group('\\cmd');
      const units = [];
      for (const w of g.text.trim().split(/\s+/)) {
        const prev = units[units.length - 1];
        if (prev && /^-/.test(prev[prev.length - 1]) && !/^-[-A-Za-z]|\//.test(w)) prev.push(w); else units.push([w]);
      }
      inline(`<code class="cmd">${units.map((u) => `<span>${u.map(esc).join(' ')}</span>`).join(' ')}</code>`); break;
    }
    case 'prints': case 'exits': { s.optional(); const g = s.group(`\\${name}`); inline(inl(g.text, g.line)); break; }
    case 'texorpdfstring': { const a = s.group(); s.group(); inline(inl(a.text, a.line)); break; }
    case 'addcontentsline': s.group(); s.group(); s.group(); break;
    case 'index': {    // the subject index: an anchor here, an entry in \printindex
      const g = s.group('\\index');
      const id = `ix-${D.subjectIndex.length + 1}`;
      D.subjectIndex.push({ entry: g.text, id, line: g.line });
      inline(`<span class="ix" id="${id}"></span>`);
      break;
    }
    case 'printindex': {   // a page of its own, titled as makeidx titles it
      const h = heading(D, 'section', true, D.names.subjectIndex, D.names.subjectIndex);
      block(h.html, { heading: h });
      block(MARK.index);
      break;
    }
    case 'url': { const g = s.group(); inline(`<a href="${esc(g.text)}">${esc(g.text)}</a>`); break; }
    case 'href': { const u = s.group(), t = s.group(); inline(`<a href="${esc(u.text)}">${inl(t.text, t.line)}</a>`); break; }
    case 'footnote': { const g = s.group(); inline(` <span class="footnote">(${inl(g.text, g.line)})</span>`); break; }
    // One cell re-aligned (a heading over a column of numbers), or a
    // heading over several columns, centred: the cell is marked with how
    // many it spans, and the table gives it a colspan.
    case 'multicolumn': {
      const n = s.group('\\multicolumn').text.trim(); s.group('\\multicolumn');
      if (!/^[1-9]$/.test(n)) die(`\\multicolumn{${n}}: the web edition spans 1 to 9 columns`, l);
      const g = s.group('\\multicolumn');
      inline((n === '1' ? '' : `${MARK.span}${n}${MARK.span}`) + inl(g.text, g.line)); break;
    }
    // Space between two rows of a table ([width]): the table's CSS spaces rows.
    case 'addlinespace': s.optional(); break;
    // A rule under some columns of a heading, (trim){columns}: the spanning
    // heading above it says the same in HTML.
    case 'cmidrule': {
      if (s.peek() === '(') { const e = s.s.indexOf(')', s.i); if (e < 0) die('\\cmidrule( has no )', l); s.i = e + 1; }
      s.group('\\cmidrule'); break;
    }
    case 'caption': {
      s.optional();    // the short caption of the lists of figures and tables
      const g = s.group('\\caption');
      if (!ctx.float) die('\\caption outside a figure or table', l);
      ctx.float.caption = inl(g.text, g.line);
      break;
    }
    // The indexes of chunks and identifiers title themselves, as the PDF's
    // preamble makes them do.
    case 'nowebchunks': case 'nowebindex': {
      const title = name === 'nowebchunks' ? 'Index of chunks' : 'Index of identifiers';
      const h = heading(D, 'section', true, title, title);
      block(h.html, { heading: h });
      block(name === 'nowebchunks' ? indexes.chunkIndexHtml(D) : indexes.identIndexHtml(D));
      break;
    }
    case 'part': case 'part*': case 'chapter': case 'chapter*': case 'section': case 'section*':
    case 'subsection': case 'subsection*': case 'subsubsection': case 'subsubsection*': case 'paragraph': {
      if (ctx.inlineOnly) die(`\\${name} inside a paragraph-less context`, l);
      const star = name.endsWith('*'), level = name.replace('*', '');
      s.optional();
      const g = s.group(`\\${name}`);
      const title = inl(g.text, g.line);
      if (level === 'paragraph') { flush(); out.push({ par: true }); inline(`<strong class="run-in">${title}</strong> `); break; }
      const h = heading(D, level, star, title, g.text);
      block(h.html, { heading: h });
      break;
    }
    case 'appendix': D.counters.appendix = true; D.counters.section = 0; D.counters.format = null; break;
    case 'setcounter': {
      const c = s.group('\\setcounter').text.trim(), v = s.group('\\setcounter').text.trim();
      if (!(c in D.counters)) die(`\\setcounter{${c}}: the web edition counts only ${Object.keys(D.counters).join(', ')}`, l);
      D.counters[c] = +v;
      break;
    }
    case 'newcommand': case 'renewcommand': case 'renewcommand*': case 'newcommand*': {
      const save = s.i; s.skipSpace();
      const nm = s.peek() === '\\' ? s.command() : s.group().text.replace(/^\\/, '').trim();
      if (nm === 'thesection' || nm === 'thechapter') { D.counters.format = s.group().text; break; }
      if (/^the/.test(nm)) { s.group(); break; }   // hyperref's \theH..., other counters' looks
      s.i = save; defineMacro(D, s);
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
      if (D.macros.has(name)) {    // the document's own macro: expand in place
        const mac = D.macros.get(name);
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

function defineMacro(D, s) {
  s.skipSpace();
  const name = s.peek() === '\\' ? s.command() : s.group('\\newcommand').text.replace(/^\\/, '').trim();
  const n = +(s.optional() || 0);
  D.macros.set(name, { n, body: s.group(`\\newcommand{${name}}`).text });
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
function heading(D, level, star, title, raw) {
  const h = { level, star, title, raw };
  if (level === 'part') {
    D.counters.part++;
    h.num = star ? '' : romans[D.counters.part] || String(D.counters.part);
    h.id = `part-${h.num || slug(raw)}`;
    h.html = `<h1 class="part" id="${h.id}">${h.num ? `Part ${h.num}<br>` : ''}${title}</h1>`;
  } else if (level === 'chapter' || level === 'section') {
    if (!star) D.counters.section++;
    D.counters.subsection = 0;
    const n = D.counters.section;
    h.num = star ? '' : D.counters.format
      ? D.counters.format.replace(/\\arabic\{[a-z]+\}/g, String(n)).replace(/\\Alph\{[a-z]+\}/g, String.fromCharCode(64 + n)).replace(/\\alph\{[a-z]+\}/g, String.fromCharCode(96 + n))
      : D.counters.appendix ? String.fromCharCode(64 + n) : String(n);
    if (/[\\{}]/.test(h.num)) die(`\\thesection gives ${h.num}: not a number the web edition can write`, D.line);
    D.secPrefix = h.num;
    h.id = 'top';
    h.html = `<h1 id="top">${h.num ? `<span class="num">${h.num}</span> ` : ''}${title}</h1>`;
  } else {
    if (!star && level === 'subsection') D.counters.subsection++;
    h.num = star || level !== 'subsection' || !D.secPrefix ? '' : `${D.secPrefix}.${D.counters.subsection}`;
    h.id = slug(title);
    const tag = level === 'subsection' ? 'h2' : 'h3';
    h.html = `<${tag} id="${h.id}">${h.num ? `<span class="num">${h.num}</span> ` : ''}${title}</${tag}>`;
  }
  D.pendingLabelTarget = { id: h.id, num: h.num, heading: h };
  return h;
}

// ------------------------------------------------------------ environments
function environment(env, body, s, ctx, line) {
  const D = ctx.D;
  switch (env) {
  case 'figure': case 'figure*': case 'table': case 'table*': {
    const bs = new Src(body.text);
    if (bs.optional() !== null) { body = { text: ' '.repeat(bs.i) + body.text.slice(bs.i), line: body.line }; }
    const kind = env.replace('*', '');
    const num = ++D.counters[kind];
    const target = { id: `${kind}-${num}`, num: String(num) };
    const fl = {};
    const nodes = convert(body.text, body.line + 1, Object.assign({}, ctx, { float: fl, labelTarget: target }));
    if (!fl.caption) die(`${kind} ${num} has no caption`, line);
    // The alt text: the caption's first sentence, its math in words.
    const words = fl.caption.replace(/<span class="math"[^>]*>.*?<annotation encoding="application\/x-tex">(.*?)<\/annotation>.*?<\/span><\/span>/gs,
      (_, tex) => math.mathWords(plain(tex)));
    let alt = '';
    for (const sentence of plain(words).match(/.+?[.!?](?=\s|$)|.+$/gs)) { if (alt.length >= 80) break; alt += sentence; }
    alt = alt.trim();
    const inner = paragraphs(nodes).split(`alt="${MARK.alt}"`).join(`alt="${esc(alt)}"`);
    const cap = `<figcaption><span class="fignum">${kind === 'figure' ? 'Figure' : 'Table'} ${num}.</span> ${fl.caption}</figcaption>`;
    return `<figure class="${kind}" id="${target.id}">${kind === 'table' ? cap + inner : inner + cap}</figure>`;
  }
  // tabularx: a tabular of a given width whose X columns share what the
  // others leave; in HTML the width is the page's, and X a paragraph column.
  case 'tabular': case 'tabular*': case 'tabularx': {
    if (env === 'tabular*') s.group();
    const spec = new Src(body.text);
    if (env === 'tabularx') spec.group('tabularx');
    const colspec = spec.group('tabular').text;
    const aligns = [];
    const cs = new Src(colspec);
    while (!cs.eof()) {
      const c = cs.peek();
      if ('lrc'.includes(c)) { aligns.push(c); cs.i++; } else if (c === 'd') { aligns.push('r'); cs.i++; } else if ('pmb'.includes(c)) { cs.i++; cs.group(); aligns.push('p'); } else if (c === 'X') { cs.i++; aligns.push('p'); } else if (c === '@' || c === '>' || c === '<') { cs.i++; cs.group(); } else cs.i++;
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
      // An empty header cell heads nothing: it is a plain cell.
      const cellTag = (c) => (tag === 'th' && !c.trim() ? 'td' : tag);
      const spanned = new RegExp(`^\\s*${MARK.span}(\\d)${MARK.span}`);
      return out.map((r) => {
        let k = 0;   // the column the cell starts in
        return `<tr>${r.map((c) => {
          const m = spanned.exec(c), n = m ? +m[1] : 1;
          const body = m ? c.slice(m[0].length) : c, cls = m ? 'c' : aligns[k] || 'l';
          k += n;
          return `<${cellTag(body)} class="${cls}"${n > 1 ? ` colspan="${n}"` : ''}>${body.trim()}</${cellTag(body)}>`;
        }).join('')}</tr>`;
      }).join('\n');
    };
    const tailText = head === null ? rest : rest.slice(rest.indexOf('\\midrule') + 8);
    const tailLine = restLine + (head === null ? 0 : head.split('\n').length - 1);
    return `<div class="tabular" tabindex="0"><table>${head !== null ? `<thead>${rows(head, restLine, 'th')}</thead>` : ''}<tbody>${rows(tailText, tailLine, 'td')}</tbody></table></div>`;
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
  // within the section; \answer{label} in the appendix answers one.  An
  // exercise's number links to its answer, and the answer back to it;
  // an answer is folded (<details>, no script) until the reader opens it
  // or follows the link, which opens it.
  case 'exercises': case 'answers': {
    const mark = env === 'exercises' ? '\\exercise' : '\\answer';
    const parts = body.text.split(new RegExp(`${mark.replace(/\\/g, '\\\\')}(?![A-Za-z])`));
    let html = env === 'exercises' ? heading(D, 'subsection', true, 'Exercises', 'Exercises').html : '';
    html += paragraphs(convert(parts[0], body.line + 1, ctx));
    let lineNo = body.line + 1 + parts[0].split('\n').length - 1;
    for (let k = 1; k < parts.length; k++) {
      const it = new Src(parts[k], lineNo - 1);
      if (env === 'exercises') {
        const kind = it.group('\\exercise'), label = it.group('\\exercise').text.trim();
        const num = `${D.secPrefix}.${k}`;
        if (D.labels.has(label)) die(`label ${label} defined twice`, lineNo);
        D.labels.set(label, { id: slug(label), num });
        const lead = `<span class="exercise" id="${slug(label)}"></span><strong><a href="${MARK.ref}ans:${esc(label)}${MARK.ref}" aria-label="Exercise ${num}: its answer">${num}</a></strong> ` +
          `<em>${joinInline(convert(kind.text, kind.line, Object.assign({}, ctx, { inlineOnly: true })), kind.line)}.</em> `;
        const nodes = convert(parts[k].slice(it.i), lineNo, ctx);
        const first = nodes.findIndex((x) => 'inline' in x);
        if (first >= 0) nodes[first] = { inline: lead + nodes[first].inline }; else nodes.unshift({ inline: lead });
        html += `<div class="exercise">${paragraphs(nodes)}</div>`;
      } else {
        const label = it.group('\\answer').text.trim();
        D.labels.set(`ans:${label}`, { id: slug(`ans:${label}`), num: '' });
        const nodes = convert(parts[k].slice(it.i), lineNo, ctx);
        // The summary holds no link (a control in a control); the way back
        // ends the answer.
        html += `<details class="answer"><summary>Answer to exercise ${MARK.refnum}${esc(label)}${MARK.refnum}</summary>` +
          `<span id="${slug(`ans:${label}`)}"></span>${paragraphs(nodes)}` +
          `<p class="back"><a href="${MARK.ref}${esc(label)}${MARK.ref}">Back to exercise ${MARK.refnum}${esc(label)}${MARK.refnum}</a></p></details>`;
      }
      lineNo += parts[k].split('\n').length - 1;
    }
    return html;
  }
  case 'verbatim': return `<pre class="verbatim" tabindex="0">${esc(body.text.replace(/^\n/, ''))}</pre>`;
  case 'center': case 'quote': case 'quotation': case 'flushleft': case 'minipage':
    if (env === 'minipage') new Src(body.text).group();
    return `<div class="${env}">${paragraphs(convert(body.text, body.line + 1, ctx))}</div>`;
  case 'equation': case 'equation*': case 'displaymath':
    return math.renderMath(D, body.text, true, line);
  case 'align': case 'align*': case 'gather': case 'gather*':
    return math.renderMath(D, `\\begin{${env.replace('*', '').replace('align', 'aligned').replace('gather', 'gathered')}}${body.text}\\end{${env.replace('*', '').replace('align', 'aligned').replace('gather', 'gathered')}}`, true, line);
  default: die(`environment ${env} is not known to the web edition (web/nw2html.js)`, line);
  }
  return '';
}

// A figure's drawing, the same SVG as the PDF's.  It is shown at
// FIGURE_SCALE times its size in the PDF (1 pt = 4/3 CSS px), so that its
// smallest text, the 8 pt scripts of the 11 pt labels, is at least
// 11 CSS px; narrower than that, the figure scrolls sideways in its box.
const FIGURE_SCALE = 1.1;
function figureImage(name, ctx) {
  const D = ctx.D;
  const svg = path.join(D.buildDir, 'fig', 'standalone', `${name}.svg`);
  if (!fs.existsSync(svg)) die(`figure ${name}: ${svg} does not exist (make figures)`, D.line);
  const size = /<svg[^>]*\swidth="([\d.]+)pt"[^>]*\sheight="([\d.]+)pt"/.exec(fs.readFileSync(svg, 'utf8').slice(0, 2000));
  if (!size) die(`figure ${name}: ${svg} gives no width and height in pt`, D.line);
  const [w, h] = [size[1], size[2]].map((x) => Math.round(x * 4 / 3 * FIGURE_SCALE));
  D.figuresUsed.push(name);
  return `<div class="figscroll" tabindex="0" role="group" aria-label="the drawing (scrolls sideways when the screen is narrow)">` +
    `<img class="figure" src="fig/${name}.svg" width="${w}" height="${h}" alt="${MARK.alt}"></div>`;
}


module.exports = { Src, newState, convert, defineMacro, expandMacros, joinInline, paragraphs };
