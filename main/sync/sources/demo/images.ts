/**
 * The pictures candidates attach: small profile photos (avatars) and portfolio shots of
 * designers' work. Encoding is the slow part (jpeg-js takes ~50-150 ms for a 480x320
 * shot), so each picture is built once per process, when first needed, and shared by
 * every application that carries one.
 */
import { jpegImage } from './documents/jpeg.js';
import { blankPicture, fillEllipse, fillRect, fillTriangle, verticalGradient, type Colour, type Picture } from './documents/picture.js';
import { pngImage } from './documents/png.js';
import { Random } from './random.js';

const AVATAR_COLOURS: readonly Colour[] = [
  [0x3b, 0x82, 0xf6], [0x10, 0xb9, 0x81], [0xf5, 0x9e, 0x0b], [0xef, 0x44, 0x44], [0x8b, 0x5c, 0xf6],
  [0x06, 0xb6, 0xd4], [0xec, 0x48, 0x99], [0x64, 0x74, 0x8b], [0x84, 0xcc, 0x16], [0xf9, 0x73, 0x16],
];
const SKIN: readonly Colour[] = [[0xf6, 0xd7, 0xb8], [0xe0, 0xac, 0x7d], [0xb9, 0x7a, 0x50], [0x8d, 0x55, 0x24], [0x5c, 0x3a, 0x21]];

/** A 48x48 avatar: a coloured background, a head and shoulders. */
function avatar(background: Colour, skin: Colour): Picture {
  const shirt: Colour = [Math.round(background[0] * 0.55), Math.round(background[1] * 0.55), Math.round(background[2] * 0.55)];
  const picture = blankPicture(48, 48, background);
  fillEllipse(picture, 24, 48.5, 18, 16, shirt);
  fillEllipse(picture, 24, 19.5, 9.5, 9.5, skin);
  return picture;
}

let avatars: string[] | null = null;

/** Base64 of a PNG profile photo, one of 50. */
export function avatarBase64(r: Random): string {
  avatars ??= AVATAR_COLOURS.flatMap((colour) => SKIN.map((skin) => pngImage(avatar(colour, skin)).toString('base64')));
  return r.pick(avatars);
}

/** Palettes a designer might pick: background top, background bottom, and three accents. */
const PALETTES: readonly (readonly Colour[])[] = [
  [[0xee, 0xf2, 0xff], [0xc7, 0xd2, 0xfe], [0x4f, 0x46, 0xe5], [0xf5, 0x9e, 0x0b], [0x11, 0x18, 0x27]],
  [[0xfd, 0xf2, 0xf8], [0xfb, 0xcf, 0xe8], [0xdb, 0x27, 0x77], [0x0e, 0xa5, 0xe9], [0x1f, 0x29, 0x37]],
  [[0xec, 0xfd, 0xf5], [0xa7, 0xf3, 0xd0], [0x05, 0x96, 0x69], [0xf9, 0x73, 0x16], [0x06, 0x4e, 0x3b]],
  [[0xff, 0xf7, 0xed], [0xfe, 0xd7, 0xaa], [0xea, 0x58, 0x0c], [0x25, 0x63, 0xeb], [0x43, 0x14, 0x07]],
  [[0x0f, 0x17, 0x2a], [0x1e, 0x29, 0x3b], [0x38, 0xbd, 0xf8], [0xa7, 0x8b, 0xfa], [0xf8, 0xfa, 0xfc]],
  [[0xfe, 0xfc, 0xe8], [0xfd, 0xe6, 0x8a], [0xca, 0x8a, 0x04], [0x7c, 0x3a, 0xed], [0x42, 0x20, 0x06]],
];

const WHITE: Colour = [0xff, 0xff, 0xff];
const LINE: Colour = [0xd1, 0xd5, 0xdb];

/** Grey bars standing in for text. */
function textLines(picture: Picture, r: Random, x: number, y: number, width: number, count: number): void {
  for (let i = 0; i < count; i++) fillRect(picture, x, y + i * 12, width * r.between(0.55, 1), 6, LINE, 3);
}

/** A phone screen of a mobile app design, over abstract shapes. */
function appScreen(picture: Picture, r: Random, palette: readonly Colour[]): void {
  const [, , main, second, ink] = palette as [Colour, Colour, Colour, Colour, Colour];
  fillEllipse(picture, r.int(60, 160), r.int(60, 260), r.int(50, 90), r.int(50, 90), second, 0.35);
  const x = r.int(150, 260);
  fillRect(picture, x + 6, 26, 150, 290, ink, 22, 0.25);
  fillRect(picture, x, 20, 150, 290, WHITE, 22);
  fillRect(picture, x + 12, 40, 126, 64, main, 12);
  fillEllipse(picture, x + 40, 72, 14, 14, WHITE, 0.85);
  textLines(picture, r, x + 14, 118, 122, 3);
  for (let i = 0; i < 3; i++) {
    fillRect(picture, x + 12, 160 + i * 36, 126, 28, [0xf3, 0xf4, 0xf6], 8);
    fillEllipse(picture, x + 26, 174 + i * 36, 8, 8, i === 0 ? second : main);
    fillRect(picture, x + 40, 170 + i * 36, r.int(50, 85), 7, LINE, 3);
  }
  fillRect(picture, x + 12, 272, 126, 24, main, 12);
}

/** A dashboard card with a bar chart, as in a product design case study. */
function dashboard(picture: Picture, r: Random, palette: readonly Colour[]): void {
  const [, , main, second, ink] = palette as [Colour, Colour, Colour, Colour, Colour];
  fillRect(picture, 34, 34, 420, 262, ink, 14, 0.2);
  fillRect(picture, 28, 28, 420, 262, WHITE, 14);
  fillRect(picture, 28, 28, 96, 262, [0xf3, 0xf4, 0xf6], 14);
  for (let i = 0; i < 5; i++) fillRect(picture, 42, 52 + i * 26, 64, 8, i === 1 ? main : LINE, 4);
  for (let i = 0; i < 3; i++) {
    fillRect(picture, 142 + i * 100, 46, 88, 52, [0xf9, 0xfa, 0xfb], 8);
    fillRect(picture, 152 + i * 100, 58, 40, 6, LINE, 3);
    fillRect(picture, 152 + i * 100, 74, r.int(30, 60), 12, i === 0 ? main : ink, 4, i === 0 ? 1 : 0.75);
  }
  const bars = r.int(7, 11);
  const step = 280 / bars;
  for (let i = 0; i < bars; i++) {
    const h = r.int(30, 140);
    fillRect(picture, 146 + i * step, 270 - h, step * 0.6, h, i % 3 === 2 ? second : main, 4);
  }
}

/** A geometric poster: the kind of shot a brand designer posts. */
function poster(picture: Picture, r: Random, palette: readonly Colour[]): void {
  const accents = palette.slice(2);
  for (let i = 0; i < r.int(5, 8); i++) {
    const colour = r.pick(accents);
    const alpha = r.between(0.55, 1);
    const kind = r.int(0, 2);
    if (kind === 0) fillEllipse(picture, r.int(0, 480), r.int(0, 320), r.int(30, 120), r.int(30, 120), colour, alpha);
    else if (kind === 1) fillRect(picture, r.int(-40, 400), r.int(-40, 260), r.int(60, 200), r.int(40, 160), colour, r.int(0, 30), alpha);
    else fillTriangle(picture, [r.int(0, 480), r.int(0, 320)], [r.int(0, 480), r.int(0, 320)], [r.int(0, 480), r.int(0, 320)], colour, alpha);
  }
}

function portfolioShot(r: Random): Picture {
  const palette = r.pick(PALETTES);
  const picture = blankPicture(480, 320, palette[0] as Colour);
  verticalGradient(picture, palette[0] as Colour, palette[1] as Colour);
  r.pick([appScreen, dashboard, poster])(picture, r, palette);
  return picture;
}

/** How many distinct shots there are of each format. */
const SHOTS = 3;

const shots: Record<'jpeg' | 'png', (string | undefined)[]> = { jpeg: [], png: [] };

/** Base64 of one of the portfolio shots (480x320), drawn and encoded the first time it is asked for. */
export function portfolioBase64(format: 'jpeg' | 'png', r: Random): string {
  const n = r.int(0, SHOTS - 1);
  let cached = shots[format][n];
  if (cached === undefined) {
    const picture = portfolioShot(new Random(`portfolio\u0000${format}\u0000${n}`));
    cached = (format === 'jpeg' ? jpegImage(picture, 72) : pngImage(picture)).toString('base64');
    shots[format][n] = cached;
  }
  return cached;
}
