/**
 * What a document says, apart from its file format: a résumé or a letter is written once
 * as blocks, then set as PDF, DOCX, HTML, plain text or Markdown.
 */
export type Block =
  /** The name on top: a person's, or a company's on its letterhead. */
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  /** Small print under the title: contacts, an address. */
  | { kind: 'meta'; text: string }
  | { kind: 'rule' }
  | { kind: 'heading'; text: string }
  /** A position or a degree, with its dates set apart. */
  | { kind: 'entry'; text: string; when?: string }
  /** Small print under an entry: where it was. */
  | { kind: 'detail'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullet'; text: string }
  /** Lines that belong together without paragraph spacing: a date, a sign-off. */
  | { kind: 'lines'; lines: readonly string[] }
  /** Label and value pairs: the terms of an offer. */
  | { kind: 'fields'; rows: readonly (readonly [label: string, value: string])[] }
  | { kind: 'code'; text: string };
