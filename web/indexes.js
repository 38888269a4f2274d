// indexes: the three indexes of the back matter, each named as in the
// PDF: the subject index (\index, as makeindex reads it), the index of
// chunks and the index of identifiers (noweb's, from the pipeline).
'use strict';
const { esc, slug, markChunk, markTag } = require('./util.js');

// \index{entry} as makeindex reads it: sort@shown, main!sub, |see{other};
// other |formats only change the look of the page number, and are dropped.
// pageOf(anchor id) gives the page; shown(TeX) its HTML.
function subjectIndexHtml(entries, pageOf, shown) {
  const terms = new Map();
  for (const e of entries) {
    const [body, fmt] = e.entry.split('|');
    const levels = body.split('!').map((x) => { const [key, sh] = x.includes('@') ? x.split('@') : [x, x]; return { key: key.trim(), shown: sh.trim() }; });
    const k = levels.map((x) => x.key.toLowerCase()).join('\u0000');
    if (!terms.has(k)) terms.set(k, { levels, pages: [], see: [] });
    const t = terms.get(k);
    const see = fmt && /^see(also)?\{(.*)\}$/.exec(fmt);
    if (see) t.see.push(see[2]);
    else if (!t.pages.some((q) => q.page === pageOf(e.id))) t.pages.push({ page: pageOf(e.id), id: e.id });
  }
  const sorted = [...terms.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  return '<ul class="subjectindex">' + sorted.map(([, t]) => {
    const name = t.levels.map((x) => shown(x.shown)).join(', ');
    const pages = t.pages.map((q) => `<a href="${q.page.file}#${q.id}">${q.page.heading.num || q.page.heading.title}</a>`).join(', ');
    const see = t.see.map((x) => `<em>see</em> ${shown(x)}`).join('; ');
    return `<li>${name}${pages ? ' ' + pages : ''}${see ? (pages ? '; ' : ' ') + see : ''}</li>`;
  }).join('\n') + '</ul>';
}

const chunkLink = (l) => `<a href="${markChunk(l)}">${markTag(l)}</a>`;
function chunkIndexHtml(D) {
  return '<ul class="chunkindex">' + D.chunkIndex.map((e) => `<li id="chunk-${slug(e.name)}-${e.label}">⟨${esc(e.name)} ${chunkLink(e.label)}⟩` +
    `${e.defs.length > 1 ? ` defined in ${e.defs.map(chunkLink).join(', ')}` : ''}` +
    `${e.uses.length ? `; used in ${e.uses.map(chunkLink).join(', ')}` : '; a root: a file'}</li>`).join('\n') + '</ul>';
}
function identIndexHtml(D) {
  return '<ul class="identindex">' + D.identIndex.map((e) => `<li id="id-${esc(e.name)}"><code>${esc(e.name)}</code>: ` +
    `defined in ${e.defs.map((l) => `<a class="def" href="${markChunk(l)}">${markTag(l)}</a>`).join(', ')}` +
    `${e.uses.length ? `; used in ${e.uses.map(chunkLink).join(', ')}` : ''}</li>`).join('\n') + '</ul>';
}

module.exports = { subjectIndexHtml, chunkIndexHtml, identIndexHtml };
