import { readStars } from './stars';

/** Two starred sessions whose times intersect, in the order they start. */
export interface Clash {
  first: string;
  second: string;
}

/**
 * Every pair of sessions that overlap in time (one starts before the other ends). Instants are
 * compared, not wall-clock times, so sessions written in different zones compare right.
 * @example clashes([{ id: 'a', start: 0, end: 10 }, { id: 'b', start: 5, end: 15 }]) // [{ first: 'a', second: 'b' }]
 */
export function clashes(sessions: { id: string; start: number; end: number }[]): Clash[] {
  const sorted = [...sessions].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Clash[] = [];
  for (const [i, a] of sorted.entries()) {
    for (const b of sorted.slice(i + 1)) {
      if (b.start >= a.end) break;
      out.push({ first: a.id, second: b.id });
    }
  }
  return out;
}

/**
 * Shows the starred sessions under their days, warns about any two that overlap, and builds their
 * calendar file in the browser from the entries the build put in the page, so the file has the
 * same format and UIDs as the published ones.
 */
export function initMyProgramme(doc: Document): void {
  const root = doc.querySelector<HTMLElement>('[data-my-programme]');
  if (!root) return;
  const items = [...root.querySelectorAll<HTMLElement>('[data-mine]')];
  const days = [...root.querySelectorAll<HTMLElement>('[data-mine-day]')];
  const empty = root.querySelector<HTMLElement>('[data-mine-empty]');
  const download = root.querySelector<HTMLButtonElement>('[data-mine-download]');
  const warning = root.querySelector<HTMLElement>('[data-mine-clashes]');
  // HTML parsing turns the CRLF line ends of the entries into LF; RFC 5545 wants CRLF back.
  const text = (selector: string) => (root.querySelector<HTMLTemplateElement>(selector)?.content.textContent ?? '').replace(/\r?\n/g, '\r\n');
  const render = () => {
    const stars = readStars();
    const mine = items.filter((item) => stars.has(item.dataset.mine ?? ''));
    for (const item of items) item.hidden = !stars.has(item.dataset.mine ?? '');
    for (const day of days) day.hidden = !day.querySelector('[data-mine]:not([hidden])');
    if (empty) empty.hidden = mine.length > 0;
    if (download) download.hidden = mine.length === 0;
    if (warning) showClashes(warning, mine);
    return mine;
  };
  render();
  doc.addEventListener('stars:change', render);
  download?.addEventListener('click', () => {
    const events = render().map((item) => text(`template[data-ics-event="${CSS.escape(item.dataset.mine ?? '')}"]`));
    const file = new Blob([text('template[data-ics-head]'), ...events, text('template[data-ics-tail]')], { type: 'text/calendar;charset=utf-8' });
    const link = doc.createElement('a');
    link.href = URL.createObjectURL(file);
    link.download = download.dataset.filename ?? 'calendar.ics';
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
}

/** One line per overlapping pair, naming both titles as the cards show them; text only, never markup. */
function showClashes(warning: HTMLElement, mine: HTMLElement[]): void {
  const card = (item: HTMLElement) => item.querySelector<HTMLElement>('[data-start][data-end]');
  const sessions = mine.flatMap((item) => {
    const c = card(item);
    const start = Date.parse(c?.dataset.start ?? '');
    const end = Date.parse(c?.dataset.end ?? '');
    return c && !Number.isNaN(start) && !Number.isNaN(end) ? [{ id: item.dataset.mine ?? '', start, end }] : [];
  });
  const title = (id: string) => {
    const item = mine.find((m) => m.dataset.mine === id);
    // A title's closing full stop would end up inside the quotation marks.
    return (item?.querySelector('h2, h3')?.textContent?.trim() ?? id).replace(/\.$/, '');
  };
  const template = warning.dataset.template ?? '{first} / {second}';
  const lines = clashes(sessions).map(({ first, second }) => {
    const p = warning.ownerDocument.createElement('p');
    p.textContent = template.replace('{first}', title(first)).replace('{second}', title(second));
    return p;
  });
  warning.replaceChildren(...lines);
  warning.hidden = lines.length === 0;
}
