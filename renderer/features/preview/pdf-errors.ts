/** Why pdf.js could not open or draw a PDF, in words a recruiter can act on. */

export function pdfErrorMessage(error: unknown): string {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  switch (name) {
    case 'PasswordException':
      return 'This PDF is protected by a password, so it cannot be shown here. Save it and open it with its password.';
    case 'InvalidPDFException':
      return `This PDF is damaged or incomplete (it may have been cut short in transfer), so it cannot be shown${detail === '' ? '' : ` (${detail})`}. Save it to try another reader.`;
    default:
      return `This PDF could not be opened${detail === '' ? '' : `: ${detail}`}. Save it to try another reader.`;
  }
}

/** pdf.js cancels a page's drawing when it scrolls away or the zoom changes: not a failure. */
export function isCancellation(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'RenderingCancelledException' || name === 'AbortException';
}
