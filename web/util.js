// util: what every part of the converter shares.  Constants and pure
// functions only.
'use strict';

// An error in doc.nw: nw2html.js prints it as doc.nw:LINE: html: MESSAGE.
class SourceError extends Error {
  constructor(message, line) { super(message); this.line = line; }
}
const die = (msg, line) => { throw new SourceError(msg, line); };

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slug = (s) => s.toLowerCase().replace(/<[^>]*>/g, '').replace(/&[a-z]+;/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
// Text of HTML: no tags, no TeX annotations, spaces collapsed.
const plain = (h) => h.replace(/<annotation[^>]*>.*?<\/annotation>/gs, '').replace(/<[^>]*>/g, '').replace(/&nbsp;|\u00a0/g, ' ')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

// Cross-references are written as markers and resolved once every page is
// known: the character pairs below never occur in doc.nw's text.
const MARK = {
  chunk: '\u0001',     // \u0001LABEL\u0001: the URL of a chunk
  ref: '\u0003',       // \u0003KEY\u0003: the URL of a \label
  refnum: '\u0004',    // \u0004KEY\u0004: the number of a \label
  tag: '\u0005',       // \u0005LABEL\u0005: a chunk's tag (as in the PDF)
  ident: '\u0006',     // \u0006NAME\u0006: the URL of an identifier's entry
  span: '\u0002',      // \u0002N\u0002 opening a table cell: it spans N columns
  alt: '\u0008',       // the alt text of a figure, filled from its caption
  index: '\u000fINDEX\u000f',   // where \printindex puts the subject index
};
const markChunk = (label) => `${MARK.chunk}${label}${MARK.chunk}`;
const markTag = (label) => `${MARK.tag}${label}${MARK.tag}`;

module.exports = { SourceError, die, esc, slug, plain, MARK, markChunk, markTag };
