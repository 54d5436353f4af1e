import { inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../../../attachments/sniff.js';
import { jpegImage } from './jpeg.js';
import { blankPicture, fillEllipse, fillRect, fillTriangle, verticalGradient } from './picture.js';
import { pngImage } from './png.js';

function picture() {
  const p = blankPicture(40, 30, [255, 255, 255]);
  verticalGradient(p, [250, 250, 250], [200, 210, 220]);
  fillRect(p, 2, 2, 16, 10, [200, 20, 20], 3);
  fillEllipse(p, 30, 20, 6, 6, [20, 20, 200]);
  fillTriangle(p, [0, 29], [10, 18], [20, 29], [20, 160, 20], 0.5);
  return p;
}

describe('pngImage', () => {
  it('writes a truecolour PNG whose pixels inflate back to the picture', () => {
    const p = picture();
    const bytes = pngImage(p);
    expect(sniffMediaType(bytes)).toBe('image/png');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20), bytes[24], bytes[25]]).toEqual([40, 30, 8, 2]);
    const idatLength = bytes.readUInt32BE(33);
    expect(bytes.toString('latin1', 37, 41)).toBe('IDAT');
    const raw = inflateSync(bytes.subarray(41, 41 + idatLength));
    expect(raw.length).toBe(30 * (40 * 3 + 1));
    // Row 5, pixel 5: inside the red rectangle.
    expect([...raw.subarray(5 * 121 + 1 + 15, 5 * 121 + 1 + 18)]).toEqual([200, 20, 20]);
  });
});

describe('jpegImage', () => {
  it('writes a baseline JPEG that decodes to the picture, near enough for a lossy format', () => {
    const p = picture();
    const bytes = jpegImage(p, 90);
    expect(sniffMediaType(bytes)).toBe('image/jpeg');
    const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false });
    expect([decoded.width, decoded.height]).toEqual([40, 30]);
    const at = (x: number, y: number) => [...decoded.data.subarray((y * 40 + x) * 3, (y * 40 + x) * 3 + 3)];
    const [red, green, blue] = at(8, 6);
    expect(red).toBeGreaterThan(150);
    expect(green).toBeLessThan(80);
    expect(blue).toBeLessThan(80);
    expect(jpegImage(p, 90).equals(bytes)).toBe(true);
  });
});
