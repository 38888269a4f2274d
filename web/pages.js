// pages: the converted document cut into pages (one per section, part
// and appendix), every cross-reference resolved, and each page written
// with the site around it: the contents (a sidebar at desktop width, a
// menu at phone width, both without script), previous and next, a link
// to the same place in the PDF, and the search form.  Also the search
// index, a script the search page loads, so search works from file://.
'use strict';
const { die, esc, slug, plain, MARK } = require('./util.js');

// Pages at the top level: chapters if the document has any, else sections;
// a part has a page of its own (its heading and introduction).
function splitPages(nodes) {
  const hasChapters = nodes.some((n) => n.heading && n.heading.level === 'chapter');
  const pageLevel = hasChapters ? 'chapter' : 'section';
  const pages = [{ file: 'index.html', nodes: [], heading: null, part: null }];
  let part = null;
  for (const n of nodes) {
    if (n.heading && n.heading.level === 'part') {
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
  for (const p of pages) { if (seen.has(p.file)) die(`two pages named ${p.file}`, 1); seen.add(p.file); }
  return pages;
}

// A page's label, as the contents and the pager show it.
const pageLabel = (q) => (q.isPart ? `Part ${q.heading.num}: ${q.heading.title}` : q.heading
  ? `${q.heading.num ? `<span class="num">${q.heading.num}</span> ` : ''}${q.heading.title}` : 'Contents');

// The contents: parts, their pages, and (full) each page's numbered
// subsections; the current page is marked.
function contents(pages, current, full) {
  let html = '<ol class="toc">';
  let open = false;
  for (const p of pages.slice(1)) {
    const here = p === current ? ' aria-current="page"' : '';
    if (p.isPart) {
      if (open) html += '</ol></li>';
      html += `<li class="part"><a href="${p.file}"${here}>${p.part.num ? `Part ${p.part.num}: ` : ''}${p.part.title}</a><ol>`;
      open = true;
      continue;
    }
    const subs = full || p === current ? p.nodes.filter((n) => n.heading && n.heading.level === 'subsection' && n.heading.num) : [];
    const sub = subs.map((n) => `<li><a href="${p.file}#${n.heading.id}"><span class="num">${n.heading.num}</span> ${n.heading.title}</a></li>`).join('');
    html += `<li><a href="${p.file}"${here}>${pageLabel(p)}</a>${sub ? `<ol>${sub}</ol>` : ''}</li>`;
  }
  if (open) html += '</ol></li>';
  return html + '</ol>';
}

// Cross-references: every marker the converter wrote becomes a URL or a
// number, relative to the page it stands on.
function resolver(D, pages) {
  const home = new Map();    // chunk label -> page file
  const idPage = new Map();  // anchor id -> page file (first page that has it)
  for (const p of pages) {
    for (const m of p.html.matchAll(/<div class="chunk" id="([^"]+)"/g)) home.set(m[1], p.file);
    for (const m of p.html.matchAll(/ id="([^"]+)"/g)) if (!idPage.has(m[1])) idPage.set(m[1], p.file);
  }
  const identHome = [...pages].reverse().find((p) => /class="identindex"/.test(p.html));
  const re = (m) => new RegExp(`${m}([^${m}]+)${m}`, 'g');
  return (p, html) => html
    .replace(re(MARK.chunk), (_, l) => { const f = home.get(l); if (!f) die(`no chunk ${l}`, 1); return f === p.file ? `#${l}` : `${f}#${l}`; })
    .replace(re(MARK.tag), (_, l) => { const t = D.tags.get(l); if (!t) die(`chunk ${l} has no tag in the PDF's doc.aux`, 1); return t; })
    .replace(re(MARK.ident), (_, id) => `${identHome && identHome !== p ? identHome.file : ''}#id-${id}`)
    .replace(re(MARK.ref), (_, key) => {
      const t = D.labels.get(key); if (!t) die(`\\ref{${key}}: no such \\label`, 1);
      const f = t.heading ? pages.find((q) => q.heading === t.heading) : null;
      const file = f ? f.file : idPage.get(t.id);
      if (!file) die(`\\ref{${key}}: its anchor ${t.id} is on no page`, 1);
      return t.id === 'top' ? file : file === p.file ? `#${t.id}` : `${file}#${t.id}`;
    })
    .replace(re(MARK.refnum), (_, key) => esc(D.labels.get(key).num || '?'));
}

// The search index: one entry per page and per subsection, its title, its
// URL and its words (code left out: its chunk names stay).
function searchEntries(pages) {
  const out = [];
  for (const p of pages) {
    let cur = { url: p.file, title: plain(p.heading ? pageLabel(p) : 'Contents'), text: '' };
    out.push(cur);
    for (const n of p.nodes) {
      if (n.heading && n.heading.level === 'subsection' && p.nodes[0] !== n) {
        cur = { url: `${p.file}#${n.heading.id}`, title: `${plain(pageLabel(p))} › ${plain(n.heading.title)}`, text: '' };
        out.push(cur);
        continue;
      }
      const h = n.block || n.inline || '';
      cur.text += ' ' + plain(h.replace(/<pre[\s\S]*?<\/pre>/g, ' ').replace(/<div class="xref">[\s\S]*?<\/div>/g, ' '));
    }
  }
  for (const e of out) e.text = e.text.replace(/\s+/g, ' ').trim();
  return out.filter((e) => e.text || e.title);
}

// One page, whole.  site: {title, titleHtml, pdfPage(page) -> number}.
function pageHtml(site, pages, k, body) {
  const p = pages[k], prev = pages[k - 1], next = pages[k + 1];
  const pager = (where) => `<nav class="pager" aria-label="Previous and next page${where}">` +
    `${prev ? `<a rel="prev" href="${prev.file}"><span class="dir">Previous:</span> ${pageLabel(prev)}</a>` : '<span></span>'}` +
    `${next ? `<a rel="next" href="${next.file}"><span class="dir">Next:</span> ${pageLabel(next)}</a>` : '<span></span>'}</nav>`;
  const pdfPage = site.pdfPage(p);
  const pdf = pdfPage ? `<a class="pdf" href="doc.pdf#page=${pdfPage}">PDF<span class="vh"> edition</span>, page ${pdfPage}</a>`
    : '<a class="pdf" href="doc.pdf">PDF<span class="vh"> edition</span></a>';
  const search = '<form class="search" action="search.html" method="get" role="search">' +
    '<label for="q">Search</label> <input id="q" name="q" type="search" size="14">' +
    '<button type="submit">Go</button></form>';
  const toc = contents(pages, p, false);
  const title = p.heading ? `${plain(pageLabel(p))} — ${site.title}` : site.title;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="style.css">
<link rel="icon" href="data:,">
${prev ? `<link rel="prev" href="${prev.file}">` : ''}${next ? `<link rel="next" href="${next.file}">` : ''}
</head>
<body>
<a class="skip" href="#content">Skip to the text</a>
<header class="site">
<a class="home" href="index.html">${esc(site.title)}</a>
${pdf}
${search}
<details class="menu"><summary>Contents</summary><nav aria-label="Contents menu">${toc}</nav></details>
</header>
<div class="layout">
<nav class="sidebar" aria-label="Contents">${toc}</nav>
<main id="content">
${pager('')}
${body}
${pager(', at the end')}
</main>
</div>
<footer>Built from <code>doc.nw</code>, the source of the <a href="doc.pdf">PDF edition</a>, with the same numbers.</footer>
</body>
</html>
`;
}

module.exports = { splitPages, contents, resolver, searchEntries, pageHtml, pageLabel };
