/**
 * File writers for realistic documents, used by the demo and by tests that need real
 * files as fixtures. Every writer is deterministic: the same input gives the same bytes.
 */
export type { Block } from './blocks.js';
export { docxDocument, docxParagraphs, type DocxInfo, type DocxParagraph, type DocxStyle } from './docx.js';
export { htmlDocument, type HtmlOptions } from './html.js';
export { jpegImage } from './jpeg.js';
export { pdfDocument, pdfLines, type PdfInfo, type PdfLine, type PdfRule, type PdfText, type Rgb } from './pdf.js';
export { blankPicture, fillEllipse, fillRect, fillTriangle, verticalGradient, type Colour, type Picture } from './picture.js';
export { pngImage } from './png.js';
export { csvDocument, markdown, plainText } from './text.js';
