/** Writes events to an NDJSON file in ~1 MB chunks, so no file is ever held in memory. */
import { closeSync, openSync, writeSync } from 'node:fs';

export class NdjsonWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private pending = 0;
  bytes = 0;
  lines = 0;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  write(event: unknown): void {
    const line = `${JSON.stringify(event)}\n`;
    this.parts.push(line);
    this.pending += line.length;
    this.lines++;
    if (this.pending >= 1024 * 1024) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    this.bytes += writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.pending = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
