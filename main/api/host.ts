/**
 * What only the desktop shell can do for a handler: ask where to save a file, show it in
 * the file manager. The web face and the CLI have no such host; handlers that need one say
 * so (code 'unavailable') and the page falls back to a download.
 */
export interface SaveDialogOptions {
  defaultName: string;
  filters?: { name: string; extensions: string[] }[];
}

export interface HostServices {
  /** The path the user chose, or null when they cancelled. */
  chooseSavePath(options: SaveDialogOptions): Promise<string | null>;
  showInFolder?(path: string): void;
  /** The window as printed (print stylesheet), as PDF bytes; the handler asks where to save them. */
  printToPdf?(): Promise<Uint8Array>;
}
