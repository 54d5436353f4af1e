/**
 * A minimal Word document (OOXML): the parts Word and mammoth need (content types,
 * relationships, document, styles, list numbering, core properties) zipped with fflate, with every date
 * in the file taken from the caller so the same input gives the same bytes. fflate lays
 * out the zip; node's zlib deflates the parts, 5-8 times faster than fflate's JavaScript
 * deflate, which matters at one document per application.
 */
import { Zip, strToU8, type ZipInputFile } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';
import type { Block } from './blocks.js';

export type DocxStyle = 'Title' | 'Subtitle' | 'Heading1' | 'Small' | 'Bullet' | 'Code';

export interface DocxParagraph {
  text: string;
  style?: DocxStyle;
  bold?: boolean;
  /** Bold words before the text (a field's label). */
  lead?: string;
  /** Set after a right-aligned tab stop on the same line (a position's dates). */
  right?: string;
}

export interface DocxInfo {
  title?: string;
  author?: string;
  /** Milliseconds since the epoch: the document's created date, and the date of its zip entries. */
  createdAt?: number;
}

/** Before any demo date: a fixed default keeps documents without a date byte-identical too. */
const DEFAULT_DATE = Date.UTC(2026, 0, 5);
/** The right edge of an A4 text column with 2 cm margins, in twentieths of a point. */
const RIGHT_TAB = 9638;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

// Characters XML 1.0 does not allow at all (C0 controls but tab and line ends, lone surrogates, U+FFFE/FFFF).
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Run properties of each paragraph style, set directly on the runs (mammoth maps only headings and lists by style). */
const RUN_STYLE: Readonly<Record<DocxStyle, string>> = {
  Title: '<w:b/><w:sz w:val="40"/>',
  Subtitle: '<w:color w:val="404040"/><w:sz w:val="26"/>',
  Heading1: '',
  Small: '<w:color w:val="6B7280"/><w:sz w:val="18"/>',
  Bullet: '',
  Code: '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/><w:sz w:val="19"/>',
};

function run(text: string, rPr: string): string {
  return `<w:r>${rPr === '' ? '' : `<w:rPr>${rPr}</w:rPr>`}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

function paragraphXml(paragraph: string | DocxParagraph): string {
  const p = typeof paragraph === 'string' ? { text: paragraph } : paragraph;
  const props: string[] = [];
  if (p.style === 'Heading1') props.push('<w:pStyle w:val="Heading1"/>');
  if (p.style === 'Bullet') props.push('<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
  if (p.style === 'Title' || p.style === 'Subtitle' || p.style === 'Small') props.push('<w:spacing w:after="60"/>');
  if (p.right !== undefined) props.push(`<w:tabs><w:tab w:val="right" w:pos="${RIGHT_TAB}"/></w:tabs>`);
  const pPr = props.length === 0 ? '' : `<w:pPr>${props.join('')}</w:pPr>`;
  const rPr = (p.bold === true ? '<w:b/>' : '') + (p.style === undefined ? '' : RUN_STYLE[p.style]);
  // Line ends become breaks inside the one paragraph (a sign-off, code).
  const lead = p.lead === undefined ? '' : run(p.lead, '<w:b/>');
  const runs = lead + p.text
    .split('\n')
    .map((line, i) => (i === 0 ? '' : '<w:r><w:br/></w:r>') + run(line, rPr))
    .join('');
  const right = p.right === undefined ? '' : `<w:r><w:tab/></w:r>${run(p.right, '<w:color w:val="6B7280"/>')}`;
  return `<w:p>${pPr}${runs}${right}</w:p>`;
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

const DOCUMENT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' +
  '</Relationships>';

/** One bullet list definition, so bullets are a real list (mammoth makes it a <ul>). */
const NUMBERING =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<w:numbering xmlns:w="${W}">` +
  '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>' +
  '<w:pPr><w:ind w:left="360" w:hanging="220"/></w:pPr></w:lvl></w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
  '</w:numbering>';

// Only what mammoth maps by name: Word's built-in "heading 1" (to <h1>) and "List Paragraph".
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<w:styles xmlns:w="${W}">` +
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>' +
  '<w:pPr><w:keepNext/><w:spacing w:before="280" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F4E79"/><w:sz w:val="24"/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/>' +
  '<w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>' +
  '</w:styles>';

function coreXml(info: DocxInfo, date: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (info.title === undefined ? '' : `<dc:title>${xmlText(info.title)}</dc:title>`) +
    (info.author === undefined ? '' : `<dc:creator>${xmlText(info.author)}</dc:creator>`) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const FIXED = new Set(['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'word/styles.xml', 'word/numbering.xml']);

/** A .docx of the paragraphs, on A4 with 2 cm margins. */
export function docxDocument(paragraphs: readonly (string | DocxParagraph)[], info: DocxInfo = {}): Buffer {
  const created = info.createdAt ?? DEFAULT_DATE;
  const document =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<w:document xmlns:w="${W}"><w:body>` +
    paragraphs.map(paragraphXml).join('') +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document>';
  // Zip entries carry local DOS time, which fflate reads from a Date's local fields: a Date
  // built from the UTC fields of noon (never inside a DST gap) gives the same bytes in any time zone.
  const day = new Date(created);
  const mtime = new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12, 0, 0);
  return zip(
    {
      '[Content_Types].xml': CONTENT_TYPES,
      '_rels/.rels': PACKAGE_RELS,
      'word/document.xml': document,
      'word/_rels/document.xml.rels': DOCUMENT_RELS,
      'word/styles.xml': STYLES,
      'word/numbering.xml': NUMBERING,
      'docProps/core.xml': coreXml(info, `${new Date(created).toISOString().slice(0, 19)}Z`),
    },
    FIXED,
    mtime,
  );
}

interface DeflatedPart {
  size: number;
  crc: number;
  deflated: Uint8Array<ArrayBuffer>;
}

function deflatePart(text: string): DeflatedPart {
  const bytes = strToU8(text);
  const deflated = deflateRawSync(bytes);
  return { size: bytes.length, crc: crc32(bytes), deflated: new Uint8Array(deflated.buffer as ArrayBuffer, deflated.byteOffset, deflated.length) };
}

/** The parts every document shares, deflated once. */
const FIXED_PARTS = new Map<string, DeflatedPart>();

/** A zip of the texts (UTF-8), each deflated; `fixed` are the same in every document. */
function zip(parts: Readonly<Record<string, string>>, fixed: ReadonlySet<string>, mtime: Date): Buffer {
  const chunks: Uint8Array[] = [];
  const archive = new Zip((error, data) => {
    if (error !== null) throw error;
    chunks.push(data);
  });
  for (const [filename, text] of Object.entries(parts)) {
    let part = fixed.has(filename) ? FIXED_PARTS.get(filename) : undefined;
    if (part === undefined) {
      part = deflatePart(text);
      if (fixed.has(filename)) FIXED_PARTS.set(filename, part);
    }
    const entry: ZipInputFile = { filename, size: part.size, crc: part.crc, compression: 8, mtime };
    archive.add(entry);
    // add() hands the entry its ondata; the whole deflated body goes in one final chunk.
    (entry.ondata as NonNullable<ZipInputFile['ondata']>)(null, part.deflated, true);
  }
  archive.end();
  return Buffer.concat(chunks);
}

/** A document's blocks as Word paragraphs. */
export function docxParagraphs(blocks: readonly Block[]): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        out.push({ text: block.text, style: 'Title' });
        break;
      case 'subtitle':
        out.push({ text: block.text, style: 'Subtitle' });
        break;
      case 'meta':
      case 'detail':
        out.push({ text: block.text, style: 'Small' });
        break;
      case 'rule':
        break;
      case 'heading':
        out.push({ text: block.text, style: 'Heading1' });
        break;
      case 'entry':
        out.push({ text: block.text, bold: true, ...(block.when === undefined ? {} : { right: block.when }) });
        break;
      case 'paragraph':
        out.push({ text: block.text });
        break;
      case 'bullet':
        out.push({ text: block.text, style: 'Bullet' });
        break;
      case 'lines':
        out.push({ text: block.lines.join('\n') });
        break;
      case 'fields':
        for (const [label, value] of block.rows) out.push({ lead: `${label}: `, text: value });
        break;
      case 'code':
        out.push({ text: block.text, style: 'Code' });
        break;
    }
  }
  return out;
}
