#!/usr/bin/env node
// nw2html: the web edition of doc.nw.
//
// Reads noweb's pipeline form of the document (markup | finduses | noidx,
// the same cross-reference noweave -index uses for the PDF) and writes one
// HTML page per section, part and appendix, the indexes, a search page
// and its index.  From the LaTeX build it reads the chunks' tags (doc.aux)
// and where each section starts in the PDF (doc.toc and the PDF's named
// destinations), and it copies the PDF beside the pages.  Math becomes
// MathML at build time (KaTeX under node): the pages need no script.
// Numbers come from the programs' values.tex, as in the PDF.
//
//   node web/nw2html.js PIPE BUILD OUTDIR
//
// PIPE: the pipeline text; BUILD: build/ (data/, fig/standalone/, plain/,
// latex/doc.aux, latex/doc.toc, doc.pdf); OUTDIR: created, must not exist.
//
// The parts, each with tests of its own (tests/web-*.js):
//   noweb.js    the pipeline, the chunks and their tags
//   latex.js    the prose: the LaTeX subset doc.nw uses
//   math.js     formulas, by KaTeX; mathml.js, KaTeX's MathML made right
//   indexes.js  the subject, chunk and identifier indexes
//   pages.js    pages, cross-references, contents, pager, search index
//
// Tools compared for each job.  noweb's own `noweave -html -index` (1.2 s
// on doc.nw) writes one page, passes the LaTeX prose through as raw text,
// and marks chunks with arrows (U->, D->), not the PDF's tags: the chunks
// are drawn here from the same pipeline noweave reads (markup | finduses
// | noidx), with the PDF's tags from doc.aux.  Math is KaTeX's (Debian's
// libjs-katex), with the transformations of mathml.js.  The prose
// converter is this project's; pandoc, the usual LaTeX-to-HTML tool, is
// not installed on the build machine and was not compared.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { SourceError, die, esc, MARK } = require('./util.js');
const noweb = require('./noweb.js');
const latex = require('./latex.js');
const math = require('./math.js');
const indexes = require('./indexes.js');
const pages = require('./pages.js');

// A heading's TeX as a key both editions share: letters and digits only.
const titleKey = (tex) => tex.replace(/\\[A-Za-z]+\s*(\{[^{}]*\})?/g, (m, arg) => (/^\\(hspace|vspace)/.test(m) ? '' : arg || ''))
  .replace(/[^A-Za-z0-9]+/g, '').toLowerCase();

// Where each part and section starts in the PDF: doc.toc names the
// destination of each entry, the PDF's destinations give their pages.
function pdfStarts(tocText, destsText) {
  const destPage = new Map();
  for (const m of destsText.matchAll(/^\s*(\d+) \[.*\] "([^"]*)"$/gm)) destPage.set(m[2], +m[1]);
  const starts = new Map();
  for (const m of tocText.matchAll(/^\\contentsline \{(part|section)\}\{(.*)\}\{([^{}]*)\}\{([^{}]*)\}%?$/gm)) {
    const page = destPage.get(m[4]);
    if (!page) continue;
    const num = m[1] === 'part' ? /^([IVX]+)\\hspace/.exec(m[2]) : /^\\numberline \{([^{}]*)\}/.exec(m[2]);
    starts.set(num ? `${m[1]}:${num[1]}` : `title:${titleKey(m[2])}`, page);
  }
  return starts;
}

function main(pipeFile, buildDir, outDir) {
  const read = (f) => fs.readFileSync(f, 'utf8');
  const values = new Map();
  for (const d of fs.readdirSync(path.join(buildDir, 'data'))) {
    const f = path.join(buildDir, 'data', d, 'values.tex');
    if (fs.existsSync(f)) math.readValues(read(f), values);
  }
  const D = latex.newState(buildDir, noweb.parsePipeline(read(pipeFile)), values);
  D.tags = noweb.chunkTags(read(path.join(buildDir, 'latex', 'doc.aux')));
  noweb.markChunks(D.chunks);

  const text = D.latex;
  const b = text.indexOf('\\begin{document}');
  const e = text.lastIndexOf('\\end{document}');
  if (b < 0 || e < 0) die('no \\begin{document} ... \\end{document}', 1);
  const preamble = text.slice(0, b);
  // The preamble's simple \newcommand macros; \val and its kin are built in.
  const ps = new latex.Src(preamble);
  for (const m of preamble.matchAll(/\\newcommand\s*\{?\\([A-Za-z]+)\}?/g)) {
    if (['val', 'defval', 'tablerows'].includes(m[1])) continue;
    ps.i = m.index + '\\newcommand'.length;
    latex.defineMacro(D, ps);
  }
  // The subject index has the PDF's name for it.
  const ixName = /\\renewcommand\s*\{?\\indexname\}?\s*\{([^{}]*)\}/.exec(preamble);
  if (ixName) D.names.subjectIndex = ixName[1];
  const title = (() => { const m = preamble.indexOf('\\title'); if (m < 0) return 'Document'; const s = new latex.Src(preamble); s.i = m + 6; return s.group().text; })();
  const inlineHtml = (t) => latex.joinInline(latex.convert(t, 1, { D, inlineOnly: true }), 1);
  const titleHtml = inlineHtml(title.replace(/\\\\(\[[^\]]*\])?/g, '\u0007'))
    .replace('\u0007', '<br><span class="subtitle">') + (title.includes('\\\\') ? '</span>' : '');
  const titleText = titleHtml.replace(/<br>.*$/s, '').replace(/<[^>]*>/g, '');

  const bodyStart = b + '\\begin{document}'.length;
  const bodyLine = text.slice(0, bodyStart).split('\n').length;
  const nodes = latex.convert(text.slice(bodyStart, e), bodyLine, { D });

  const site = pages.splitPages(nodes);
  for (const p of site) p.html = p.nodes.map((n) => n.block || n.inline || '').join('');
  // The subject index, now that every anchor has its page.
  const ixPage = new Map();
  for (const p of site) for (const m of p.html.matchAll(/<span class="ix" id="([^"]+)">/g)) ixPage.set(m[1], p);
  for (const p of site) {
    if (!p.html.includes(MARK.index)) continue;
    const ix = indexes.subjectIndexHtml(D.subjectIndex, (id) => ixPage.get(id), inlineHtml);
    p.html = p.html.replace(MARK.index, ix);
    for (const n of p.nodes) if (n.block === MARK.index) n.block = ix;
  }
  const resolve = pages.resolver(D, site);

  // Each page's first page in the PDF.
  const pdfFile = path.join(buildDir, 'doc.pdf');
  const starts = pdfStarts(read(path.join(buildDir, 'latex', 'doc.toc')), execFileSync('pdfinfo', ['-dests', pdfFile], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  const pdfPage = (p) => {
    if (!p.heading) return 1;
    const key = p.heading.num ? `${p.isPart ? 'part' : 'section'}:${p.heading.num}` : `title:${titleKey(p.heading.raw)}`;
    if (!starts.has(key)) die(`the page "${p.heading.raw}" has no entry of that name in the PDF's contents (build/latex/doc.toc)`, 1);
    return starts.get(key);
  };

  fs.mkdirSync(outDir);
  site.forEach((p, k) => {
    let body = '';
    if (p.part && !p.isPart) body += `<div class="partline">${p.part.num ? `Part ${p.part.num}: ` : ''}${p.part.title}</div>\n`;
    if (k === 0) body += `<header class="title"><h1>${titleHtml}</h1></header>\n`;
    body += latex.paragraphs(p.nodes);
    if (p.isPart) body += `<ol class="toc">${site.filter((q) => q.part === p.part && !q.isPart).map((q) => `<li><a href="${q.file}">${pages.pageLabel(q)}</a></li>`).join('')}</ol>`;
    if (k === 0) {
      body += '<p class="edition">The web edition: the same text, numbers, figures and code as the <a href="doc.pdf">PDF</a>, built from the same source. ' +
        'A chunk of code carries the PDF\'s tag: the page it starts on, and a letter when the page has several; each tag links to its chunk.</p>\n' +
        `<section class="toc" aria-labelledby="contents"><h2 id="contents">Contents</h2>${pages.contents(site, null, true)}</section>`;
    }
    fs.writeFileSync(path.join(outDir, p.file), resolve(p, pages.pageHtml({ title: titleText, pdfPage }, site, k, body)));
  });

  // The search page and its index, a script (file:// allows no fetch).
  const searchPage = { file: 'search.html', heading: { num: '', title: 'Search', raw: 'Search' }, nodes: [] };
  const searchBody = '<h1>Search</h1>\n<div id="search-results" aria-live="polite"></div>\n' +
    `<noscript><p>Search runs in the browser and needs JavaScript. Without it, the <a href="${(site.find((q) => q.html.includes('class="subjectindex"')) || site[0]).file}">${esc(D.names.subjectIndex)}</a> and the contents lead to every topic.</p></noscript>\n` +
    '<script src="search-index.js"></script>\n<script src="search.js"></script>';
  const withSearch = site.concat([searchPage]);
  fs.writeFileSync(path.join(outDir, 'search.html'), pages.pageHtml({ title: titleText, pdfPage: () => null }, withSearch, withSearch.length - 1, searchBody)
    .replace(/<nav class="pager"[^]*?<\/nav>/g, ''));
  const entries = pages.searchEntries(site).map((x) => Object.assign(x, { title: resolve(site[0], x.title), text: resolve(site[0], x.text) }));
  fs.writeFileSync(path.join(outDir, 'search-index.js'), `// The search index of the web edition, written by web/nw2html.js.\nvar SEARCH_INDEX = ${JSON.stringify(entries)};\n`);

  const leftover = fs.readdirSync(outDir).find((f) => /[\u0001-\u0008\u000f]/.test(read(path.join(outDir, f))));
  if (leftover) die(`${leftover}: an unresolved cross-reference`, 1);
  // The stylesheet, the search script, the PDF, the figures and the
  // tangled files the root chunks link to.
  for (const f of ['style.css', 'search.js']) fs.copyFileSync(path.join(__dirname, f), path.join(outDir, f));
  fs.copyFileSync(pdfFile, path.join(outDir, 'doc.pdf'));
  fs.mkdirSync(path.join(outDir, 'fig'));
  for (const f of new Set(D.figuresUsed)) fs.copyFileSync(path.join(buildDir, 'fig', 'standalone', `${f}.svg`), path.join(outDir, 'fig', `${f}.svg`));
  for (const c of D.chunks.filter((x) => x.isFile)) {
    const from = path.join(buildDir, 'plain', c.name);
    if (!fs.existsSync(from)) die(`${from}: the tangled file is missing`, 1);
    fs.mkdirSync(path.dirname(path.join(outDir, 'src', c.name)), { recursive: true });
    fs.copyFileSync(from, path.join(outDir, 'src', c.name));
  }
  fs.writeFileSync(path.join(outDir, 'pages.txt'), withSearch.map((p) => p.file).join('\n') + '\n');
  fs.writeFileSync(path.join(outDir, 'figures.txt'), D.figuresUsed.map((f) => f + '\n').join(''));
}

if (require.main === module) {
  const [pipeFile, buildDir, outDir] = process.argv.slice(2);
  if (!outDir) { process.stderr.write('usage: nw2html.js PIPE BUILD OUTDIR\n'); process.exit(2); }
  try {
    main(pipeFile, buildDir, outDir);
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    process.stderr.write(`doc.nw:${err.line || 1}: html: ${err.message}\n`);
    process.exit(1);
  }
}
module.exports = { titleKey, pdfStarts };
