/**
 * Programme page enhancements, all optional: announces the filter result and hides groups the
 * filter emptied; marks the session in progress and the next one during the event days and offers
 * a "jump to now" link. Everything is read from the page (`data-start`/`data-end` instants), so the
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
          group.hidden = false;
          const visible = [...group.querySelectorAll<HTMLElement>('.session-item')].filter((i) => getComputedStyle(i).display !== 'none').length;
          group.hidden = visible === 0;
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

  const cards = [...doc.querySelectorAll<HTMLElement>('.card[data-start]')];
  const jump = doc.querySelector<HTMLAnchorElement>('[data-jump-now]');
  // The build marked now/next by its own clock; the reader's clock decides.
  for (const c of cards) {
    c.classList.remove('is-now', 'is-next');
    c.querySelector<HTMLElement>('[data-now-next]')?.setAttribute('hidden', '');
  }
  if (jump) jump.hidden = true;
  const t = now();
  const eventDays = new Set([...doc.querySelectorAll<HTMLElement>('.day[data-day]')].map((d) => d.dataset.day));
  const zone = doc.querySelector<HTMLElement>('[data-event-zone]')?.dataset.eventZone;
  if (!zone || cards.length === 0) return;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
  if (!eventDays.has(today)) return;
  const todays = cards.filter((c) => c.closest<HTMLElement>('.day')?.dataset.day === today);
  const current = todays.filter((c) => Date.parse(c.dataset.start ?? '') <= t && t < Date.parse(c.dataset.end ?? ''));
  const upcoming = todays
    .filter((c) => Date.parse(c.dataset.start ?? '') > t)
    .sort((a, b) => Date.parse(a.dataset.start ?? '') - Date.parse(b.dataset.start ?? ''));
  const nextStart = upcoming[0]?.dataset.start;
  const next = upcoming.filter((c) => c.dataset.start === nextStart);
  const label = (card: HTMLElement, text: string | undefined, cls: string) => {
    const badge = card.querySelector<HTMLElement>('[data-now-next]');
    card.classList.add(cls);
    if (badge && text) {
      badge.textContent = text;
      badge.hidden = false;
    }
  };
  for (const c of current) label(c, jump?.dataset.now, 'is-now');
  for (const c of next) label(c, jump?.dataset.next, 'is-next');
  const target = current[0] ?? next[0];
  if (jump && target) {
    jump.href = `#${target.getAttribute('aria-labelledby') ?? ''}`;
    jump.hidden = false;
  }
}
