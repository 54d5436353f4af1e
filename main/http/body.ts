/** Request bodies, read whole with a size cap. */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './respond.js';

/** Reads the whole body, refusing more than `maxBytes` as soon as it is announced or seen. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `the body is larger than ${maxBytes} bytes`);
  const announced = Number(req.headers['content-length']);
  if (Number.isFinite(announced) && announced > maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      // Stop buffering; the 413 goes out with Connection: close, which ends the socket.
      req.off('data', onData);
      req.pause();
      reject(tooLarge());
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
    // A sender that hangs up mid-body leaves nothing to answer; settle so the handler ends.
    req.once('close', () => reject(new HttpError(400, 'the request ended before its body did')));
  });
}
