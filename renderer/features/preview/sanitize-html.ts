/**
 * A candidate's HTML (a cover letter, an offer letter, a converted Word file) made safe to
 * show: DOMPurify drops scripts, event handlers, forms, frames, plugins, `<base>`, `<meta>`
 * and `<link>`; on top of that every address that could reach out (src, href, srcset, CSS
 * `url()`, `@import`, `@font-face`) is removed, with CSS read by the browser's own parser so
 * escapes ("u\72l(") cannot hide one. The result goes into an `<iframe sandbox="">` (no
 * scripts, an opaque origin) whose own policy loads nothing but inline styles and data:
 * images, so even something missed here could neither run nor fetch.
 */
import DOMPurify from 'dompurify';

export const FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const FORBID_TAGS = [
  'script', 'noscript', 'template', 'form', 'input', 'button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output',
  'base', 'meta', 'link', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'audio', 'video', 'source',
  'track', 'picture', 'dialog', 'foreignobject', 'use', 'image', 'feimage', 'animate', 'set', 'animatemotion', 'animatetransform', 'math',
];
const FORBID_ATTR = ['srcset', 'action', 'formaction', 'ping', 'background', 'poster', 'lowsrc', 'dynsrc', 'longdesc', 'manifest', 'xlink:href', 'srcdoc', 'autofocus', 'target'];
/** Only images the letter carries inside itself. */
const INLINE_IMAGE = /^data:image\/(png|jpe?g|gif|webp);base64,[A-Za-z0-9+/=\s]*$/i;
/** CSS that names something to load (a URL, or an image built from one), or carries a remote address at all. */
const LOADS = /url\s*\(|image-set\s*\(|image\s*\(|cross-fade\s*\(|element\s*\(|src\s*\(|@import|expression\s*\(|[a-z][a-z0-9+.-]*:\/\//i;

/** CSS escapes spelled out, so `\75 rl(` reads as `url(`. */
function unescapeCss(text: string): string {
  return text
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => {
      const code = Number.parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    })
    .replace(/\\(.)/g, '$1');
}

function loads(value: string): boolean {
  return LOADS.test(value) || LOADS.test(unescapeCss(value));
}

function cleanDeclarations(style: CSSStyleDeclaration): void {
  for (let i = style.length - 1; i >= 0; i--) {
    const property = style.item(i);
    if (loads(style.getPropertyValue(property))) style.removeProperty(property);
  }
}

/** Rules that only style: anything else (@import, @font-face, @namespace, @counter-style, …) goes. */
function keepsRule(rule: CSSRule): boolean {
  return (
    rule instanceof CSSStyleRule ||
    rule instanceof CSSMediaRule ||
    rule instanceof CSSSupportsRule ||
    rule instanceof CSSKeyframesRule ||
    rule instanceof CSSKeyframeRule ||
    rule instanceof CSSPageRule ||
    rule instanceof CSSLayerBlockRule ||
    rule instanceof CSSLayerStatementRule ||
    rule instanceof CSSContainerRule
  );
}

interface RuleOwner {
  cssRules: CSSRuleList;
  deleteRule(index: number): void;
}

function cleanRules(owner: RuleOwner): void {
  for (let i = owner.cssRules.length - 1; i >= 0; i--) {
    const rule = owner.cssRules[i]!;
    if (!keepsRule(rule)) {
      owner.deleteRule(i);
      continue;
    }
    if ('style' in rule && rule.style instanceof CSSStyleDeclaration) cleanDeclarations(rule.style);
    // Keyframes hold their frames by key text, not index; they only need their declarations cleaned.
    if (rule instanceof CSSKeyframesRule) {
      for (const frame of rule.cssRules) if (frame instanceof CSSKeyframeRule) cleanDeclarations(frame.style);
    } else if (rule instanceof CSSGroupingRule || rule instanceof CSSStyleRule) {
      cleanRules(rule);
    }
  }
}

/** A `<style>` element's text with every rule and declaration that could load something removed. */
export function cleanStylesheet(css: string): string {
  // Never adopted by a document, so parsing it loads nothing; replaceSync skips @import by itself.
  const sheet = new CSSStyleSheet();
  try {
    sheet.replaceSync(css);
  } catch {
    return '';
  }
  cleanRules(sheet);
  // `<` written as a CSS escape: the text goes back into a <style> element, where "</style>" would end it.
  return [...sheet.cssRules]
    .map((rule) => rule.cssText)
    .join('\n')
    .replace(/</g, '\\3c ');
}

/** A `style` attribute likewise; read through a detached element, which is never drawn. */
export function cleanInlineStyle(css: string): string {
  const holder = document.createElement('div');
  holder.style.cssText = css;
  cleanDeclarations(holder.style);
  return holder.style.cssText;
}

const purify = DOMPurify(window);

purify.addHook('uponSanitizeElement', (node, data) => {
  if (data.tagName === 'style') node.textContent = cleanStylesheet(node.textContent ?? '');
});

purify.addHook('uponSanitizeAttribute', (node, data) => {
  const name = data.attrName;
  const value = data.attrValue;
  if (name === 'style') {
    data.attrValue = cleanInlineStyle(value);
    if (data.attrValue === '') data.keepAttr = false;
  } else if (name === 'href') {
    // A link would navigate the frame to the page it names: only jumps within the letter stay.
    if (!value.trim().startsWith('#')) data.keepAttr = false;
  } else if (name === 'src') {
    if (!(node.nodeName.toLowerCase() === 'img' && INLINE_IMAGE.test(value.trim()))) data.keepAttr = false;
  } else if (/url\s*\(/i.test(value) && !/^url\(\s*['"]?#[^)]*\)$/i.test(value.trim())) {
    // Presentation attributes (fill="url(...)") may point outside the letter; fragment references stay.
    data.keepAttr = false;
  }
});

/** Light, readable defaults under the letter's own styles: it is a sheet of paper, in dark mode too. */
const PAPER = `:root{color-scheme:light;background:#fff;color:#1b2230}body{margin:0;padding:24px 32px;font:15px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;overflow-wrap:anywhere}img{max-width:100%;height:auto}table{border-collapse:collapse}td,th{vertical-align:top}`;

/** The sanitised document for `srcdoc`: our policy first, our defaults, the letter's cleaned styles and body. */
export function sanitizedDocument(html: string): string {
  const root = purify.sanitize(html, {
    WHOLE_DOCUMENT: true,
    RETURN_DOM: true,
    USE_PROFILES: { html: true, svg: true, svgFilters: true },
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
  });
  const styles = [...root.querySelectorAll('head style')].map((style) => style.outerHTML).join('');
  const body = root.querySelector('body')?.outerHTML ?? '<body></body>';
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}">` +
    '<meta name="referrer" content="no-referrer">' +
    `<style>${PAPER}</style>${styles}</head>${body}</html>`
  );
}
