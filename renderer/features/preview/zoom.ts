/**
 * Zoom of a preview: "fit" (the width of the dialog, or the whole image) or a fixed scale.
 * + and - walk the usual steps from whatever scale is on screen, so the first + after "fit"
 * is the next step up from the fitted size, not a jump back to 100%.
 */
export type Zoom = 'fit' | number;

export const ZOOM_STEPS: readonly number[] = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5];
export const MIN_ZOOM = ZOOM_STEPS[0]!;
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;

/** The scale on screen for a zoom, given what "fit" comes to. */
export function effectiveScale(zoom: Zoom, fitScale: number): number {
  const scale = zoom === 'fit' ? fitScale : zoom;
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

// Steps within 1% of the current scale count as the current one.
const SAME = 0.01;

export function zoomIn(zoom: Zoom, fitScale: number): number {
  const scale = effectiveScale(zoom, fitScale);
  return ZOOM_STEPS.find((step) => step > scale * (1 + SAME)) ?? MAX_ZOOM;
}

export function zoomOut(zoom: Zoom, fitScale: number): number {
  const scale = effectiveScale(zoom, fitScale);
  return [...ZOOM_STEPS].reverse().find((step) => step < scale * (1 - SAME)) ?? MIN_ZOOM;
}

/** "125%", from the scale on screen. */
export function zoomPercent(zoom: Zoom, fitScale: number): string {
  return `${Math.round(effectiveScale(zoom, fitScale) * 100)}%`;
}
