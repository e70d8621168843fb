/**
 * Where the event (or a session) stands — before, live, after — by the reader's clock, so nothing
 * needs a rebuild at go-live. Each `[data-phase]` root carries its span (`data-start`/`data-end`,
 * UTC instants) and the phase the build saw; CSS shows the `[data-when]` blocks of the phase this
 * sets, again every 30 seconds. `onTick` runs with the same clock reading (the home page's
 * countdown and now/next rows: live-now.ts).
 */
export const at = (el: HTMLElement, key: 'start' | 'end') => Date.parse(el.dataset[key] ?? '');

export function initPhase(doc: Document, now: () => number = Date.now, onTick?: (t: number) => void): void {
  const roots = [...doc.querySelectorAll<HTMLElement>('[data-phase][data-start]')];
  if (roots.length === 0) return;
  const update = () => {
    const t = now();
    for (const root of roots) root.dataset.phase = t < at(root, 'start') ? 'before' : t < at(root, 'end') ? 'live' : 'after';
    onTick?.(t);
  };
  update();
  setInterval(update, 30_000);
}
