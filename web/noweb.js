// noweb: the document as noweb's pipeline gives it (markup | finduses |
// noidx, the cross-reference noweave -index uses for the PDF), the chunks'
// tags as the PDF prints them, and a chunk as HTML.
'use strict';
const { esc, markChunk, markTag } = require('./util.js');

// Docs chunks become one LaTeX string in which each code chunk is
// \NWCHUNK{n} and each [[quote]] \NWQUOTE{n}; every doc.nw line stays one
// line of that string, so an offset gives back doc.nw's line.
function parsePipeline(text) {
  const chunks = [], quotes = [], chunkIndex = [], identIndex = [];
  let latex = '';
  let mode = null, cur = null, quote = null, ref = null, identNext = null;
  let entry = null;
  for (const line of text.split('\n')) {
    const sp = line.indexOf(' ');
    const kw = sp < 0 ? line : line.slice(0, sp);
    const rest = sp < 0 ? '' : line.slice(sp + 1);
    const i = rest.indexOf(' ');
    const [sub, arg] = i < 0 ? [rest, ''] : [rest.slice(0, i), rest.slice(i + 1)];
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
      else if (sub === 'chunkbegin') { const j = arg.indexOf(' '); entry = { label: arg.slice(0, j), name: arg.slice(j + 1), defs: [], uses: [] }; chunkIndex.push(entry); }
      else if (sub === 'chunkdefn') entry.defs.push(arg);
      else if (sub === 'chunkuse') entry.uses.push(arg);
      break;
    case '@index':
      if (sub === 'use' && mode === 'code') { identNext = { t: 'ident', s: arg, ref }; ref = null; }
      else if (sub === 'defn' && mode === 'code') { cur.defines.push({ name: arg, ref }); ref = null; }
      else if (sub === 'entrybegin') { const j = arg.indexOf(' '); entry = { label: arg.slice(0, j), name: arg.slice(j + 1), defs: [], uses: [] }; identIndex.push(entry); }
      else if (sub === 'entrydefn') entry.defs.push(arg);
      else if (sub === 'entryuse') entry.uses.push(arg);
      break;
    default: break;   // @file, @language, @literal... carry nothing shown
    }
  }
  return { latex, chunks, quotes, chunkIndex, identIndex };
}

// The tags the PDF prints for the chunks ("3", "14a", "14b"), read from the
// LaTeX build's doc.aux as noweb.sty computes them: \newsublabel{LABEL}{{}{PAGE}}
// in order; a page with one chunk tags it with the page number alone, a
// page with several adds a, b, c... (noweb.sty's \@newsublabel and
// \@alphasubpagenum; past z, \@nwlongalph's aa, ab...).
function alph(n) { let s = ''; for (n -= 1; n >= 0; n = Math.floor(n / 26) - 1) s = String.fromCharCode(97 + (n % 26)) + s; return s; }
function chunkTags(auxText) {
  const onPage = new Map();
  const order = [];
  for (const m of auxText.matchAll(/\\newsublabel\{([^}]*)\}\{\{\}\{([^}]*)\}\}/g)) {
    if (!onPage.has(m[2])) onPage.set(m[2], []);
    onPage.get(m[2]).push(m[1]);
    order.push([m[1], m[2]]);
  }
  const tags = new Map();
  for (const [page, labels] of onPage) labels.forEach((l, k) => tags.set(l, labels.length > 1 ? page + alph(k + 1) : page));
  return tags;
}

// A chunk's name as noweave sets it: [[code]] in it is code.
const chunkName = (name) => esc(name).replace(/\[\[(.*?)\]\]/g, '<code>$1</code>');

// One chunk: its name with the tag of the name's first definition (as the
// PDF prints it), its own tag in the margin, the code with every use and
// identifier linked, and the cross-references below.
function renderChunk(c) {
  const cont = c.prevdef ? '+≡' : '≡';
  const first = c.firstLabel || c.label;
  let name = chunkName(c.name);
  if (c.isFile) name = `<a class="file" href="src/${esc(c.name)}" title="the whole file, as tangled">${name}</a>`;
  let code = '';
  for (const it of c.items) {
    if (it.t === 'text') code += esc(it.s);
    else if (it.t === 'nl') code += '\n';
    else if (it.t === 'ident') code += it.ref ? `<a class="id" href="${markChunk(it.ref)}">${esc(it.s)}</a>` : esc(it.s);
    else if (it.t === 'use') code += `<a class="use" href="${it.ref ? markChunk(it.ref) : '#'}">⟨${chunkName(it.name)} <span class="n">${it.ref ? markTag(it.ref) : '?'}</span>⟩</a>`;
  }
  code = code.replace(/^\n/, '').replace(/\n$/, '');
  const xr = [];
  const list = (labs) => labs.map((l) => `<a href="${markChunk(l)}">${markTag(l)}</a>`).join(', ');
  const others = c.defitems.filter((l) => l !== c.label);
  if (others.length) xr.push(`This definition is continued in ${list(others)}.`);
  if (c.useitems.length) xr.push(`This code is used in ${list(c.useitems)}.`);
  else if (c.isFile) xr.push(`Root chunk: the file <a href="src/${esc(c.name)}"><code>${esc(c.name)}</code></a>, whole.`);
  if (c.defines.length) xr.push(`Defines: ${c.defines.map((d) => `<a class="id" href="\u0006${esc(d.name)}\u0006"><code>${esc(d.name)}</code></a>`).join(', ')}.`);
  return `<div class="chunk" id="${c.label}"><div class="chunkname"><a class="tag" href="#${c.label}" aria-label="chunk ${markTag(c.label)}">${markTag(c.label)}</a> ` +
    `<span class="self">⟨${name} <span class="n">${markTag(first)}</span>⟩${cont}</span></div>` +
    `<pre tabindex="0"><code>${code}</code></pre>${xr.length ? `<div class="xref">${xr.join(' ')}</div>` : ''}</div>`;
}

// Each chunk learns the label of its name's first definition, whose tag
// the PDF prints with the name; and whether it is a whole file.
function markChunks(chunks) {
  const first = new Map();
  for (const c of chunks) {
    if (!first.has(c.name)) first.set(c.name, c.label);
    c.firstLabel = first.get(c.name);
    c.isFile = isFileChunk(c);
  }
  return chunks;
}

// A root chunk that is a whole C file: linked to the file as tangled.
const isFileChunk = (c) => /\.[ch]$/.test(c.name) && c.useitems.length === 0 && !c.prevdef;

module.exports = { chunkName, parsePipeline, chunkTags, renderChunk, markChunks, isFileChunk, alph };
