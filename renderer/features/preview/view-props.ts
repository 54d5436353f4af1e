/** What every viewer of a findable or zoomable kind takes from the preview pane. */
import type { HitCount } from './FindBar';

export interface FindProps {
  /** The words to find (already deferred while the user types). */
  find: string;
  /** The hit to show, counted over the whole document. */
  activeHit: number;
  onHits(hits: HitCount): void;
}

export interface ZoomProps {
  /** The scale to draw at, 1 = actual size. */
  scale: number;
  /** What "fit" comes to for this file in this dialog. */
  onFitScale(scale: number): void;
}

/** Brings the active hit's mark into view inside its scroller. */
export function revealHit(container: HTMLElement | null, hit: number): void {
  if (container === null) return;
  for (const old of container.querySelectorAll('.is-active-hit')) old.classList.remove('is-active-hit');
  const marks = container.querySelectorAll<HTMLElement>(`[data-hit="${hit}"]`);
  for (const mark of marks) mark.classList.add('is-active-hit');
  marks[0]?.scrollIntoView({ block: 'center', inline: 'nearest' });
}
