/**
 * pdf.js builds a DOMMatrix when it loads and otherwise needs one only to render, which
 * text extraction never does. Node has none, and pdf.js's fallback is a native canvas
 * package; this 2D affine matrix stands in so the worker loads no native code.
 */
type Init = readonly number[] | { a: number; b: number; c: number; d: number; e: number; f: number };

class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: Init) {
    if (init === undefined) return;
    const [a, b, c, d, e, f] = Array.isArray(init) ? init : [(init as AffineMatrix).a, (init as AffineMatrix).b, (init as AffineMatrix).c, (init as AffineMatrix).d, (init as AffineMatrix).e, (init as AffineMatrix).f];
    Object.assign(this, { a, b, c, d, e, f });
  }

  get is2D(): boolean {
    return true;
  }

  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }

  /** this = this × m */
  multiplySelf(m: Init): this {
    const o = new AffineMatrix(m);
    const { a, b, c, d, e, f } = this;
    Object.assign(this, {
      a: a * o.a + c * o.b, b: b * o.a + d * o.b, c: a * o.c + c * o.d, d: b * o.c + d * o.d,
      e: a * o.e + c * o.f + e, f: b * o.e + d * o.f + f,
    });
    return this;
  }

  /** this = m × this */
  preMultiplySelf(m: Init): this {
    const product = new AffineMatrix(m).multiplySelf(this);
    Object.assign(this, { a: product.a, b: product.b, c: product.c, d: product.d, e: product.e, f: product.f });
    return this;
  }

  translate(x = 0, y = 0): AffineMatrix {
    return new AffineMatrix(this).multiplySelf([1, 0, 0, 1, x, y]);
  }

  scale(x = 1, y = x): AffineMatrix {
    return new AffineMatrix(this).multiplySelf([x, 0, 0, y, 0, 0]);
  }

  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (det === 0) {
      Object.assign(this, { a: NaN, b: NaN, c: NaN, d: NaN, e: NaN, f: NaN });
      return this;
    }
    Object.assign(this, { a: d / det, b: -b / det, c: -c / det, d: a / det, e: (c * f - d * e) / det, f: (b * e - a * f) / det });
    return this;
  }

  inverse(): AffineMatrix {
    return new AffineMatrix(this).invertSelf();
  }
}

const scope = globalThis as { DOMMatrix?: unknown };
scope.DOMMatrix ??= AffineMatrix;
