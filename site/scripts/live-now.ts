/**
 * The home page's moving parts of the event's phase (HomePhase.astro), by the reader's clock:
 * `[data-countdown]` says how long until the start, `[data-now-item]` rows show only the sessions
 * in progress and the next, and `[data-local]` ranges are written in the reader's zone (the one
 * chosen in the zone picker, else the browser's).
 */
import { at, initPhase } from './phase';

export function initLiveNow(doc: Document, now: () => number = Date.now): void {
  const root = doc.querySelector<HTMLElement>('[data-phase][data-start]');
  if (!root) return;
  const lang = doc.documentElement.lang;
  let timeZone: string | undefined;
  try {
    // The zone picker's choice (zone-picker.ts): an IANA id, or 'local'/'none'.
    const saved = localStorage.getItem('seminario.timeZone');
    if (saved?.includes('/')) timeZone = saved;
  } catch {
    // Storage can be disabled: the browser's own zone then.
  }
  const format = new Intl.DateTimeFormat(lang, { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone });
  for (const el of root.querySelectorAll<HTMLElement>('[data-local]')) el.textContent = format.formatRange(at(el, 'start'), at(el, 'end'));
  const items = [...root.querySelectorAll<HTMLElement>('[data-now-item]')];
  initPhase(doc, now, (t) => {
    for (const el of root.querySelectorAll<HTMLElement>('[data-countdown]')) {
      el.textContent = (el.dataset.template ?? '{when}').replace('{when}', untilText(lang, at(root, 'start') - t));
      el.hidden = false;
    }
    const nextStart = Math.min(...items.map((i) => at(i, 'start')).filter((s) => s > t));
    for (const item of items) {
      const isNow = at(item, 'start') <= t && t < at(item, 'end');
      const isNext = at(item, 'start') === nextStart;
      item.classList.toggle('is-now', isNow);
      item.classList.toggle('is-next', isNext);
      item.hidden = !isNow && !isNext;
    }
  });
}

/** "in 3 days", "in 5 hours", "in 12 minutes", in the page's language. */
function untilText(lang: string, ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    minutes >= 2880 ? [Math.round(minutes / 1440), 'day'] : minutes >= 120 ? [Math.round(minutes / 60), 'hour'] : [minutes, 'minute'];
  return new Intl.RelativeTimeFormat(lang).format(value, unit);
}
