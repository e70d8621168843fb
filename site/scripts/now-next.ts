/**
 * Marks the session in progress ("now") and the next one to start ("next") on an event day, on
 * the programme's cards and on My programme's (drawn from data after load, so that page calls this
 * again each time it draws them). Read from the page alone: the cards' `data-start`/`data-end`
 * instants, and the event's zone and the two words on the element carrying `data-event-zone`. A
 * card is today's when it starts on today's date in the event's zone, the date the programme files
 * it under. Returns the first marked card, for the programme's "jump to now" link.
 */
export function markNowNext(doc: Document, now: () => number = Date.now): HTMLElement | undefined {
  const host = doc.querySelector<HTMLElement>('[data-event-zone]');
  const zone = host?.dataset.eventZone;
  if (!zone) return;
  const t = now();
  const start = (c: HTMLElement) => Date.parse(c.dataset.start!);
  const end = (c: HTMLElement) => Date.parse(c.dataset.end!);
  const cards = [...doc.querySelectorAll<HTMLElement>('.card[data-start]')];
  // Marks the build made by its own clock (or an earlier call) go first: only this clock's stay.
  // Every card carries its mark (SessionCard.astro, my-programme-card.ts), the host both words.
  for (const card of cards) {
    card.classList.remove('is-now', 'is-next');
    card.querySelector<HTMLElement>('[data-now-next]')!.hidden = true;
  }
  // Only a session not over that starts within 26 h (a day, even across a clock change) can be
  // today's and now or next. Without one, nothing is marked and Intl is not needed: its first use
  // on a page costs a long task (ICU's start), the one Lighthouse counted most on the programme.
  if (!cards.some((c) => t < end(c) && start(c) - t < 936e5)) return;
  // A format's default is the date alone: two instants are on one day when they read the same.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone });
  const today = day.format(t);
  const todays = cards.filter((c) => day.format(start(c)) === today);
  const current = todays.filter((c) => start(c) <= t && t < end(c));
  const nextStart = Math.min(...todays.map(start).filter((s) => s > t));
  const next = todays.filter((c) => start(c) === nextStart);
  const label = (cards: HTMLElement[], text: string, cls: string) => {
    for (const card of cards) {
      const badge = card.querySelector<HTMLElement>('[data-now-next]')!;
      card.classList.add(cls);
      badge.textContent = text;
      badge.hidden = false;
    }
  };
  label(current, host!.dataset.now!, 'is-now');
  label(next, host!.dataset.next!, 'is-next');
  return current[0] ?? next[0];
}
