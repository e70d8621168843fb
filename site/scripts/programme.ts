import { markNowNext } from './now-next';

/**
 * Programme page enhancements, all optional: announces the filter result and hides groups the
 * filter emptied; marks the session in progress and the next one during the event days
 * (now-next.ts) and offers a "jump to now" link. Everything is read from the page (`data-start`/`data-end` instants), so the
 * build is the only source of truth.
 */
export function initProgramme(doc: Document, now: () => number = Date.now): void {
  const form = doc.querySelector<HTMLFormElement>('[data-filters]');
  if (form) {
    const status = form.querySelector<HTMLElement>('[data-filter-status]');
    const update = () => {
      let shown = 0;
      for (const day of doc.querySelectorAll<HTMLElement>('.day')) {
        let inDay = 0;
        for (const group of day.querySelectorAll<HTMLElement>('.concurrent')) {
          // An item's own display says whether the filters hide it, whatever its group's state.
          group.hidden = ![...group.querySelectorAll<HTMLElement>('.session-item')].some((i) => getComputedStyle(i).display !== 'none');
        }
        for (const item of day.querySelectorAll<HTMLElement>('.session-item')) if (item.offsetParent !== null) inDay++;
        const empty = day.querySelector<HTMLElement>('[data-no-match]');
        if (empty) empty.hidden = inDay > 0 || getComputedStyle(day).display === 'none';
        shown += inDay;
      }
      if (status) status.textContent = (shown === 1 ? form.dataset.resultOne : form.dataset.resultOther)?.replace('{count}', String(shown)) ?? '';
    };
    form.addEventListener('change', update);
  }

  // The build marked now/next by its own clock (and showed the jump link); the reader's clock decides.
  const target = markNowNext(doc, now);
  const jump = doc.querySelector<HTMLAnchorElement>('[data-jump-now]');
  if (jump) {
    jump.hidden = !target;
    if (target) jump.href = `#${target.getAttribute('aria-labelledby')}`;
  }
}
