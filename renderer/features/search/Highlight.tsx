import { memo } from 'react';
import { highlightSegments } from './highlight';

/** Text with search hits wrapped in <mark>, built as React elements (never as HTML). */
export const Highlight = memo(function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  if (terms.length === 0) return text;
  const segments = highlightSegments(text, terms);
  if (segments.length === 1 && segments[0]?.match === false) return text;
  return segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : segment.text));
});
