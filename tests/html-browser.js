#!/usr/bin/env node
// The web edition in a real browser: headless Chromium, driven over the
// DevTools protocol, opens every page of build/html/ at 390 px (a phone)
// and at 1280 px and checks that
//   - no console error, no script exception, no failed resource load, and
//     nothing fetched from outside build/html/ (no web font, no script);
//   - every image loaded and has a size, every formula is MathML with a
//     size, and no raw TeX (a backslash command or a $) is left in the text;
//   - at 390 px no figure's text is under 11 CSS px (a figure scrolls in
//     its box rather than shrink);
//   - a box wider than the page (code, a formula, a table, a figure)
//     scrolls in itself, with a shadow at the edge where there is more,
//     and takes the keyboard focus: nothing is cut off silently;
//   - the page does not scroll sideways (code and wide formulas scroll
//     inside their own boxes);
//   - every internal link leads to a page that exists and an anchor on it,
//     and every link into the PDF (doc.pdf#page=N) to the page of the PDF
//     that prints the linking page's heading;
//   - every distinct formula is drawn with the structure TeX gives it in
//     the PDF: as many fractions with the numerator above the
//     denominator as the TeX has \frac, as many raised or lowered
//     scripts as it has ^ and _, as many primes as ', as many bold
//     letters as \boldsymbol holds, and \mathrel{+}= drawn as one
//     operator "+=" (no gap between its glyphs).  The expectations come
//     from the formula's TeX (kept in its annotation), the counts from
//     the boxes Chromium draws.
//   - axe-core (the accessibility engine, given as AXE) finds no violation
//     of WCAG 2.1 A and AA, on every page (--axe-all) or on the pages
//     AXE_SAMPLE names (what `make check` runs; `make check-html` runs all).
//   - search (search.html?q=...) finds "Hessian", "learning rate" and
//     "dual number" from file:// and from python3 -m http.server, and the
//     first place it lists has every word of the query.
// It saves a screenshot of each page at both widths in build/html-shots/.
//
//   node tests/html-browser.js build/html build/html-shots [AXE [--axe-all]]
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const WebSocket = require(process.env.NODE_WS || '/usr/share/nodejs/ws');

const [htmlDir, shotDir, axeFile] = process.argv.slice(2).filter((a) => !a.startsWith('--')).map((p) => path.resolve(p));
const axeAll = process.argv.includes('--axe-all');
// The pages make check gives to axe: the home page, the longest pages of
// math and of code, the folded answers, an index, and the search page.
const AXE_SAMPLE = ['index.html', 'section-11.html', 'appendix-A.html', 'appendix-D.html', 'index-of-subjects.html', 'search.html'];
const axeSource = axeFile ? fs.readFileSync(axeFile, 'utf8') : null;
const SEARCHES = ['Hessian', 'learning rate', 'dual number'];
const SMALLEST_FIGURE_PT = 8;      // figure text is 11 pt, its scripts 8 pt
const MIN_FIGURE_TEXT_PX = 11;     // at 390 px, no figure text smaller
const AXE_TAGS = process.env.AXE_TAGS ? process.env.AXE_TAGS.split(',') : ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [390, 1280];
const SHOT_HEIGHT = 8000;          // one image, well under Chromium's limit
const failures = [];
const fail = (page, msg) => failures.push(`${path.relative(process.cwd(), path.join(htmlDir, page))}: ${msg}`);

// ------------------------------------------------------------ links, statically
// Every href and src of every page: the file must exist, the #anchor must
// be an id there.
const pages = fs.readFileSync(path.join(htmlDir, 'pages.txt'), 'utf8').trim().split('\n');
const ids = new Map();
for (const p of pages) {
  const html = fs.readFileSync(path.join(htmlDir, p), 'utf8');
  ids.set(p, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
}
// Every page but the search page is whole without script: it has none.
for (const p of pages) if (p !== 'search.html' && /<script\b/.test(fs.readFileSync(path.join(htmlDir, p), 'utf8'))) fail(p, 'has a script: only search.html may');
let links = 0;
// Letters and digits only, lower case: a heading as both editions print it.
const letters = (t) => t.replace(/&[a-z]+;/g, ' ').normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
const pdfTexts = new Map();
function pdfPageText(pdf, n) {
  const key = `${pdf}#${n}`;
  if (!pdfTexts.has(key)) pdfTexts.set(key, execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' }));
  return pdfTexts.get(key);
}
for (const p of pages) {
  const html = fs.readFileSync(path.join(htmlDir, p), 'utf8');
  for (const m of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
    const url = m[2].replace(/&amp;/g, '&');
    // A link may lead to the web; nothing the page loads may come from it.
    if (/^data:/.test(url)) continue;   // the empty icon: nothing fetched
    if (/^[a-z]+:/.test(url)) { if (m[1] === 'src' || !/^https?:/.test(url)) fail(p, `loads from outside the edition: ${url}`); continue; }
    const [file, anchor] = url.split('#');
    const target = file === '' ? p : file;
    links++;
    if (!fs.existsSync(path.join(htmlDir, target))) { fail(p, `broken link ${url}: no file ${target}`); continue; }
    if (/\.pdf$/.test(target)) {   // #page=N: the page where this page's heading is printed
      if (anchor === undefined) continue;
      const n = /^page=(\d+)$/.exec(anchor);
      if (!n) { fail(p, `link ${url}: a PDF is linked by #page=N`); continue; }
      const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
      // The heading's words (its number stands apart in the PDF's text).
      const want = letters(h1 ? h1[1].replace(/<span class="num">[^<]*<\/span>/, '').replace(/<annotation[\s\S]*?<\/annotation>/g, '').replace(/<[^>]*>/g, '') : '').slice(0, 40);
      if (!letters(pdfPageText(path.join(htmlDir, target), +n[1])).includes(want)) fail(p, `link ${url}: PDF page ${n[1]} does not show this page's heading "${want}"`);
      continue;
    }
    if (anchor !== undefined && !(ids.get(target) || new Set()).has(anchor)) fail(p, `broken link ${url}: no id "${anchor}" in ${target}`);
  }
}

// ------------------------------------------------------------ the browser
function startChromium() {
  // A fresh profile under build/tmp/; Chromium's helpers may still write
  // to it as it exits, so the next run, not this one, removes it.
  const profile = path.join(path.dirname(shotDir), 'tmp', 'chromium-profile');
  fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10 });
  fs.mkdirSync(profile, { recursive: true });
  const args = ['--headless', '--disable-gpu', '--hide-scrollbars', '--no-first-run', '--no-default-browser-check',
    '--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--mute-audio', '--disable-dev-shm-usage', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'];
  if (process.getuid && process.getuid() === 0) args.unshift('--no-sandbox');   // root, as in CI
  const proc = spawn(process.env.CHROMIUM || 'chromium', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not start:\n${err}`)), 30000);
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) { clearTimeout(timer); resolve({ proc, url: m[1], profile }); }
    });
    proc.on('exit', (code) => reject(new Error(`chromium exited (${code}):\n${err}`)));
  });
}

class CDP {
  constructor(url) {
    this.ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 512 * 1024 * 1024 });
    this.id = 0; this.pending = new Map(); this.listeners = [];
    this.ws.on('message', (data) => {
      const msg = JSON.parse(data);
      if (msg.id && this.pending.has(msg.id)) {
        const { resolve, reject, method } = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) reject(new Error(`${method}: ${msg.error.message}`)); else resolve(msg.result);
      } else if (msg.method) for (const l of this.listeners) l(msg);
    });
  }
  open() { return new Promise((res, rej) => { this.ws.once('open', res); this.ws.once('error', rej); }); }
  send(method, params = {}, sessionId) {
    const id = ++this.id;
    this.ws.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, method }));
  }
  waitFor(method, sessionId, ms = 20000) {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => { this.listeners = this.listeners.filter((x) => x !== l); reject(new Error(`timeout waiting for ${method}`)); }, ms);
      const l = (msg) => {
        if (msg.method === method && msg.sessionId === sessionId) {
          clearTimeout(t); this.listeners = this.listeners.filter((x) => x !== l); resolve(msg.params);
        }
      };
      this.listeners.push(l);
    });
  }
}

// What the page itself reports: run inside it after load.
function inPage(width, SMALLEST_FIGURE_PT) {
  // Folded answers are opened, as a reader opens them, so that their
  // formulas are drawn and measured.
  for (const d of document.querySelectorAll('main details')) d.open = true;
  const out = { images: [], imageCount: document.images.length, formulas: 0, badFormulas: [], rawTeX: [], overflow: null, height: 0 };
  out.figureText = [];
  for (const img of document.images) {
    const r = img.getBoundingClientRect();
    // The smallest text of a figure: the 8 pt scripts of its 11 pt labels
    // (figures/style.gp), 8 * 4/3 CSS px at the drawing's own size.
    if (img.naturalWidth > 0) out.figureText.push({ src: img.getAttribute('src'), px: (SMALLEST_FIGURE_PT * 4 / 3) * r.width / img.naturalWidth });
    if (!img.complete || img.naturalWidth === 0 || r.width < 50 || r.height < 50) out.images.push(img.getAttribute('src'));
  }
  for (const m of document.querySelectorAll('main .math, main .display, main .val')) {
    out.formulas++;
    const math = m.querySelector('math');
    const r = math && math.getBoundingClientRect();
    if (!math || r.width < 1 || r.height < 1) out.badFormulas.push(m.textContent.slice(0, 60));
  }
  // Text outside code and formulas must hold no TeX: no \command, no $.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement.closest('pre, code, math') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n; (n = walker.nextNode());) {
    const m = /\\[A-Za-z]+|\$|\\\\/.exec(n.textContent);
    if (m) out.rawTeX.push(n.textContent.trim().slice(0, 80));
  }
  const doc = document.documentElement;
  if (doc.scrollWidth > width || doc.clientWidth > width) {
    // Name the widest element that sticks out, for the message.
    let worst = null;
    for (const e of document.body.querySelectorAll('*')) {
      const r = e.getBoundingClientRect();
      if (r.right > width + 0.5 && (!worst || r.right > worst.r)) worst = { r: r.right, what: `${e.tagName.toLowerCase()}.${e.className}` };
    }
    out.overflow = `${doc.scrollWidth} px wide in a ${width} px window (${worst ? worst.what : '?'})`;
  }
  // A box whose content is wider than it scrolls, and shows it: a shadow
  // (the radial gradients of style.css) at the edge beyond which there is
  // more, and the keyboard can reach it.
  out.scrollers = 0; out.silentCuts = [];
  for (const e of document.querySelectorAll('main *')) {
    if (e.scrollWidth <= e.clientWidth + 1 || e.clientWidth === 0) continue;
    const st = getComputedStyle(e);
    if (st.overflowX === 'visible') continue;
    out.scrollers++;
    if (!/auto|scroll/.test(st.overflowX) || !/radial-gradient/.test(st.backgroundImage) || e.tabIndex < 0) {
      out.silentCuts.push(`${e.tagName.toLowerCase()}.${e.className}: overflow-x ${st.overflowX}, ${/radial-gradient/.test(st.backgroundImage) ? '' : 'no scroll shadow, '}tabindex ${e.tabIndex}`);
    }
  }
  out.height = Math.ceil(doc.scrollHeight);
  return out;
}

// What Chromium drew for each formula: run inside the page.
function drawnFormulas(seen) {
  const skip = new Set(seen);
  const box = (e) => e.getBoundingClientRect();
  const mid = (r) => (r.top + r.bottom) / 2;
  const BOLD = [[0x1d400, 0x1d433], [0x1d468, 0x1d49b], [0x1d6a8, 0x1d6e1], [0x1d71c, 0x1d755], [0x1d7ce, 0x1d7d7]];
  const out = [];
  for (const math of document.querySelectorAll('math')) {
    const ann = math.querySelector('annotation');
    const tex = ann ? ann.textContent.replace(/\s+/g, ' ').trim() : '';
    if (skip.has(tex)) continue;
    skip.add(tex);
    const got = { fracs: 0, scripts: 0, primes: 0, bold: 0, plusEq: 0 };
    for (const f of math.querySelectorAll('mfrac')) {
      const k = f.children;
      if (k.length === 2 && box(k[0]).height > 0 && box(k[1]).height > 0 && box(k[0]).bottom <= box(k[1]).top + 1) got.fracs++;
    }
    const lowered = (base, s) => mid(box(s)) > mid(box(base)) + 0.5;
    const raised = (base, s) => mid(box(s)) < mid(box(base)) - 0.5;
    const under = (base, s) => box(s).top >= box(base).bottom - 2;
    const over = (base, s) => box(s).bottom <= box(base).top + 2;
    for (const e of math.querySelectorAll('msub, msup, msubsup, munder, mover, munderover')) {
      const k = e.children, t = e.tagName.toLowerCase();
      if (t === 'mover' && e.getAttribute('accent') === 'true') continue;
      if (t === 'msub' && k.length === 2 && lowered(k[0], k[1])) got.scripts++;
      if (t === 'msup' && k.length === 2 && raised(k[0], k[1])) got.scripts++;
      if (t === 'msubsup' && k.length === 3) got.scripts += lowered(k[0], k[1]) + raised(k[0], k[2]);
      if (t === 'munder' && k.length === 2 && under(k[0], k[1])) got.scripts++;
      if (t === 'mover' && k.length === 2 && over(k[0], k[1])) got.scripts++;
      if (t === 'munderover' && k.length === 3) got.scripts += under(k[0], k[1]) + over(k[0], k[2]);
    }
    // The drawn glyphs in order, each with its box.
    const glyphs = [];
    const walker = document.createTreeWalker(math, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement.closest('annotation') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
    for (let n; (n = walker.nextNode());) {
      const weight = +getComputedStyle(n.parentElement).fontWeight;
      const size = parseFloat(getComputedStyle(n.parentElement).fontSize);
      for (let i = 0; i < n.data.length;) {
        const cp = n.data.codePointAt(i), len = cp > 0xffff ? 2 : 1;
        if (!/\s/.test(n.data[i])) {
          const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + len);
          glyphs.push({ ch: String.fromCodePoint(cp), cp, r: r.getBoundingClientRect(), bold: weight >= 600, size });
        }
        i += len;
      }
    }
    for (const [k, g] of glyphs.entries()) {
      got.primes += { '′': 1, '″': 2, '‴': 3 }[g.ch] || 0;
      if (/\p{L}|\p{N}/u.test(g.ch) && (g.bold || BOLD.some(([a, b]) => g.cp >= a && g.cp <= b))) got.bold++;
      const next = glyphs[k + 1];
      if (g.ch === '+' && next && next.ch === '=' && next.r.left - g.r.right < 0.12 * g.size) got.plusEq++;
    }
    out.push({ tex, got });
  }
  return out;
}

// What TeX makes of a formula, read from its source (the PDF's structure).
function texStructure(tex) {
  const t = tex.replace(/\\text\{[^{}]*\}/g, '').replace(/\\[_^]/g, '');
  const count = (re) => (t.match(re) || []).length;
  let bold = 0;
  for (const m of t.matchAll(/\\(?:boldsymbol|mathbf|bm)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g)) {
    bold += (m[1].match(/\\[A-Za-z]+|[A-Za-z0-9]/g) || []).length;
  }
  return {
    fracs: count(/\\[dt]?frac(?![A-Za-z])/g),
    scripts: count(/[_^]/g) + count(/\\(?:overset|underset|stackrel)(?![A-Za-z])/g),
    primes: count(/'/g),
    bold,
    plusEq: count(/\\mathrel\{\+\}=/g),
  };
}

async function main() {
  fs.rmSync(shotDir, { recursive: true, force: true });
  fs.mkdirSync(shotDir, { recursive: true });
  const chrome = await startChromium();
  const cdp = new CDP(chrome.url);
  try {
    await cdp.open();
    const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    const S = (m, p) => cdp.send(m, p, sessionId);
    const problems = [];
    cdp.listeners.push((msg) => {
      if (msg.sessionId !== sessionId) return;
      const p = msg.params;
      if (msg.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert')) problems.push(`console error: ${p.args.map((a) => a.value || a.description).join(' ')}`);
      else if (msg.method === 'Runtime.exceptionThrown') problems.push(`script exception: ${p.exceptionDetails.text}`);
      else if (msg.method === 'Log.entryAdded' && p.entry.level === 'error') problems.push(`${p.entry.source} error: ${p.entry.text}${p.entry.url ? ' ' + p.entry.url : ''}`);
      else if (msg.method === 'Network.loadingFailed' && !p.canceled) problems.push(`failed to load ${p.type}: ${p.errorText}`);
      else if (msg.method === 'Network.responseReceived' && p.response.status >= 400) problems.push(`HTTP ${p.response.status}: ${p.response.url}`);
      else if (msg.method === 'Network.requestWillBeSent' && !/^(file|data|about):/.test(p.request.url) && !(server && p.request.url.startsWith(server))) problems.push(`fetches from outside the edition: ${p.request.url}`);
    });
    await S('Page.enable'); await S('Runtime.enable'); await S('Log.enable'); await S('Network.enable');
    let server = null, searches = 0;                // the local http.server's URL, while it runs
    let formulas = 0, images = 0, axeRuns = 0;
    const smallestText = {};
    let scrollers = 0;
    const axeLoaded = new Set();
    const formulasSeen = new Map();   // TeX -> the first page that has it
    for (const width of WIDTHS) {
      await S('Emulation.setDeviceMetricsOverride', { width, height: 900, deviceScaleFactor: 1, mobile: width < 600 });
      for (const page of pages) {
        problems.length = 0;
        const loaded = cdp.waitFor('Page.loadEventFired', sessionId);
        await S('Page.navigate', { url: `file://${path.join(htmlDir, page)}` });
        await loaded;
        const { result } = await S('Runtime.evaluate', { expression: `(${inPage})(${width}, ${SMALLEST_FIGURE_PT})`, returnByValue: true });
        const r = result.value;
        for (const p of problems) fail(page, `at ${width} px: ${p}`);
        for (const src of r.images) fail(page, `at ${width} px: image ${src} not rendered`);
        for (const f of r.badFormulas) fail(page, `at ${width} px: formula not rendered: ${f}`);
        if (width === WIDTHS[0]) for (const t of r.rawTeX) fail(page, `raw TeX in the text: "${t}"`);
        if (r.overflow) fail(page, `scrolls sideways: ${r.overflow}`);
        for (const c of r.silentCuts) fail(page, `at ${width} px: a box cut off without a sign that it scrolls: ${c}`);
        if (width === WIDTHS[0]) scrollers += r.scrollers;
        for (const f of r.figureText) {
          if (width === WIDTHS[0] && f.px < MIN_FIGURE_TEXT_PX) fail(page, `at ${width} px: figure ${f.src}: its smallest text is ${f.px.toFixed(1)} CSS px (at least ${MIN_FIGURE_TEXT_PX})`);
          if (!(width in smallestText) || f.px < smallestText[width]) smallestText[width] = f.px;
        }
        formulas += r.formulas; images += r.imageCount;
        if (axeSource && (axeAll || AXE_SAMPLE.includes(page))) {
          if (!axeLoaded.has(page + width)) await S('Runtime.evaluate', { expression: axeSource });
          const res = await S('Runtime.evaluate', {
            expression: `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] })
              .then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3), count: v.nodes.length })))`,
            awaitPromise: true, returnByValue: true,
          });
          if (res.exceptionDetails) fail(page, `at ${width} px: axe-core failed: ${res.exceptionDetails.text}`);
          else for (const v of res.result.value) fail(page, `at ${width} px: axe ${v.id}: ${v.help} (${v.count}: ${v.nodes.join(', ')})`);
          axeRuns++;
        }
        if (width === WIDTHS[WIDTHS.length - 1]) {
          const drawn = (await S('Runtime.evaluate', { expression: `(${drawnFormulas})(${JSON.stringify([...formulasSeen.keys()])})`, returnByValue: true })).result.value;
          for (const f of drawn) {
            if (formulasSeen.has(f.tex)) continue;
            formulasSeen.set(f.tex, page);
            const want = texStructure(f.tex);
            const diff = Object.keys(want).filter((k) => want[k] !== f.got[k]).map((k) => `${k}: TeX ${want[k]}, drawn ${f.got[k]}`);
            if (diff.length) fail(page, `formula ${f.tex}: not drawn as TeX sets it (${diff.join('; ')})`);
          }
        }
        // The whole page, in pieces of at most SHOT_HEIGHT pixels.
        const pieces = Math.ceil(r.height / SHOT_HEIGHT);
        for (let k = 0; k < pieces; k++) {
          const y = k * SHOT_HEIGHT, height = Math.min(SHOT_HEIGHT, r.height - y);
          const shot = await S('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y, width, height, scale: 1 } });
          const name = path.join(shotDir, `${page.replace(/\.html$/, '')}-${width}${pieces > 1 ? `-${k + 1}` : ''}.png`);
          fs.writeFileSync(name + '.tmp', Buffer.from(shot.data, 'base64'));
          fs.renameSync(name + '.tmp', name);
        }
      }
    }
    // Search, from file:// and from a local server (python3 -m http.server):
    // each query finds places, and the first place's page has the words.
    const http = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '0'], { cwd: htmlDir, stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      server = await new Promise((resolve, reject) => {
        let out = '';
        const t = setTimeout(() => reject(new Error('python3 -m http.server did not start')), 10000);
        http.stdout.on('data', (d) => { out += d; const m = /port (\d+)/.exec(out); if (m) { clearTimeout(t); resolve(`http://127.0.0.1:${m[1]}/`); } });
      });
      for (const base of [`file://${htmlDir}/`, server]) {
        for (const q of SEARCHES) {
          problems.length = 0;
          const loaded = cdp.waitFor('Page.loadEventFired', sessionId);
          await S('Page.navigate', { url: `${base}search.html?q=${encodeURIComponent(q)}` });
          await loaded;
          const r = (await S('Runtime.evaluate', { expression: `[...document.querySelectorAll('#search-results li a')].map((a) => a.getAttribute('href'))`, returnByValue: true })).result.value;
          for (const p of problems) fail('search.html', `${base}: ${p}`);
          if (!r.length) { fail('search.html', `${base}: "${q}" finds nothing`); continue; }
          const first = fs.readFileSync(path.join(htmlDir, r[0].split('#')[0]), 'utf8').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').toLowerCase();
          if (!q.toLowerCase().split(' ').every((w) => first.includes(w))) fail('search.html', `${base}: "${q}": the first place found, ${r[0]}, does not have the words`);
          searches++;
        }
      }
      // With scripts off, every page reads as it is (none has a script
      // but search.html), and search.html says where else to look.
      await S('Emulation.setScriptExecutionDisabled', { value: true });
      const loaded = cdp.waitFor('Page.loadEventFired', sessionId);
      await S('Page.navigate', { url: `file://${htmlDir}/search.html?q=Hessian` });
      await loaded;
      const said = (await S('Runtime.evaluate', { expression: 'document.body.innerText' , returnByValue: true })).result.value;
      if (!/needs JavaScript/.test(said)) fail('search.html', 'with scripts off it does not say that search needs them');
      await S('Emulation.setScriptExecutionDisabled', { value: false });
    } finally { http.kill(); }
    for (const f of failures) process.stderr.write(`${f}\n`);
    console.log(`  html: ${pages.length} pages at ${WIDTHS.join(' and ')} px, ${images / WIDTHS.length} images and ${formulas / WIDTHS.length} formulas rendered ` +
      `(${formulasSeen.size} distinct, each drawn with TeX's fractions, scripts, primes and bold), ` +
      `${scrollers} boxes scrolling with a shadow at ${WIDTHS[0]} px, smallest figure text ${WIDTHS.map((w) => `${(smallestText[w] || 0).toFixed(1)} px at ${w}`).join(', ')}, ` +
      `${links} links followed, axe-core (WCAG 2.1 AA) on ${axeRuns} page views, ${searches} searches found, ${failures.length} problem(s); screenshots in ${path.relative(process.cwd(), shotDir)}/`);
  } finally {
    await cdp.send('Browser.close').catch(() => {});
    if (chrome.proc.exitCode === null) {
      const exited = new Promise((res) => chrome.proc.once('exit', res));
      chrome.proc.kill();
      await exited;
    }
  }
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => { process.stderr.write(`tests/html-browser.js: ${e.message}\n`); process.exit(1); });
