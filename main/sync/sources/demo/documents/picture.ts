/** A small RGB raster and the shapes the demo's pictures are drawn with. */

export type Colour = readonly [number, number, number];

export interface Picture {
  width: number;
  height: number;
  /** Three bytes per pixel, rows from the top. */
  rgb: Uint8Array;
}

export function blankPicture(width: number, height: number, background: Colour): Picture {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < rgb.length; i += 3) rgb.set(background, i);
  return { width, height, rgb };
}

function paint(picture: Picture, x: number, y: number, colour: Colour, alpha: number): void {
  const i = (y * picture.width + x) * 3;
  const { rgb } = picture;
  if (alpha >= 1) {
    rgb[i] = colour[0];
    rgb[i + 1] = colour[1];
    rgb[i + 2] = colour[2];
    return;
  }
  rgb[i] = Math.round((rgb[i] as number) * (1 - alpha) + colour[0] * alpha);
  rgb[i + 1] = Math.round((rgb[i + 1] as number) * (1 - alpha) + colour[1] * alpha);
  rgb[i + 2] = Math.round((rgb[i + 2] as number) * (1 - alpha) + colour[2] * alpha);
}

/** Every pixel whose centre is inside the shape, within the shape's bounding box. */
function fill(picture: Picture, box: readonly [number, number, number, number], inside: (x: number, y: number) => boolean, colour: Colour, alpha: number): void {
  const x0 = Math.max(0, Math.floor(box[0]));
  const y0 = Math.max(0, Math.floor(box[1]));
  const x1 = Math.min(picture.width, Math.ceil(box[2]));
  const y1 = Math.min(picture.height, Math.ceil(box[3]));
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (inside(x + 0.5, y + 0.5)) paint(picture, x, y, colour, alpha);
}

export function fillRect(picture: Picture, x: number, y: number, width: number, height: number, colour: Colour, radius = 0, alpha = 1): void {
  const r = Math.min(radius, width / 2, height / 2);
  fill(
    picture,
    [x, y, x + width, y + height],
    (px, py) => {
      const dx = Math.max(x + r - px, 0, px - (x + width - r));
      const dy = Math.max(y + r - py, 0, py - (y + height - r));
      return dx * dx + dy * dy <= r * r;
    },
    colour,
    alpha,
  );
}

export function fillEllipse(picture: Picture, cx: number, cy: number, rx: number, ry: number, colour: Colour, alpha = 1): void {
  fill(picture, [cx - rx, cy - ry, cx + rx, cy + ry], (px, py) => ((px - cx) / rx) ** 2 + ((py - cy) / ry) ** 2 <= 1, colour, alpha);
}

export function fillTriangle(picture: Picture, a: readonly [number, number], b: readonly [number, number], c: readonly [number, number], colour: Colour, alpha = 1): void {
  const side = (p: readonly [number, number], q: readonly [number, number], x: number, y: number): number => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  fill(
    picture,
    [Math.min(a[0], b[0], c[0]), Math.min(a[1], b[1], c[1]), Math.max(a[0], b[0], c[0]), Math.max(a[1], b[1], c[1])],
    (x, y) => {
      const s1 = side(a, b, x, y);
      const s2 = side(b, c, x, y);
      const s3 = side(c, a, x, y);
      return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
    },
    colour,
    alpha,
  );
}

/** A top-to-bottom blend over the whole picture. */
export function verticalGradient(picture: Picture, top: Colour, bottom: Colour): void {
  for (let y = 0; y < picture.height; y++) {
    const t = picture.height === 1 ? 0 : y / (picture.height - 1);
    const mix = (k: 0 | 1 | 2): number => Math.round(top[k] * (1 - t) + bottom[k] * t);
    const colour: Colour = [mix(0), mix(1), mix(2)];
    for (let x = 0; x < picture.width; x++) paint(picture, x, y, colour, 1);
  }
}
