/** Baseline JPEG files, encoded with jpeg-js (pure JavaScript, so the bytes do not depend on a native library). */
import jpeg from 'jpeg-js';
import type { Picture } from './picture.js';

/** `quality` from 1 to 100. */
export function jpegImage(picture: Picture, quality = 80): Buffer {
  const { width, height, rgb } = picture;
  const rgba = Buffer.alloc(width * height * 4, 0xff);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    rgba[j] = rgb[i] as number;
    rgba[j + 1] = rgb[i + 1] as number;
    rgba[j + 2] = rgb[i + 2] as number;
  }
  return jpeg.encode({ data: rgba, width, height }, quality).data;
}
