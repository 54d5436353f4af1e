import { describe, expect, it } from 'vitest';
import { effectiveScale, MAX_ZOOM, MIN_ZOOM, zoomIn, zoomOut, zoomPercent } from './zoom';

describe('zoom', () => {
  it('walks the steps from the scale on screen, fitted or not', () => {
    expect(zoomIn(1, 0.8)).toBe(1.1);
    expect(zoomOut(1, 0.8)).toBe(0.9);
    // Fit width came to 87%: + goes to the next step above it, - to the one below.
    expect(zoomIn('fit', 0.87)).toBe(0.9);
    expect(zoomOut('fit', 0.87)).toBe(0.8);
    // A fitted scale a hair off a step counts as that step.
    expect(zoomIn('fit', 0.999)).toBe(1.1);
  });

  it('stays within its bounds', () => {
    expect(zoomIn(MAX_ZOOM, 1)).toBe(MAX_ZOOM);
    expect(zoomOut(MIN_ZOOM, 1)).toBe(MIN_ZOOM);
    expect(effectiveScale('fit', Number.NaN)).toBe(1);
  });

  it('reads as a percentage', () => {
    expect(zoomPercent('fit', 0.874)).toBe('87%');
    expect(zoomPercent(1.25, 0.5)).toBe('125%');
  });
});
