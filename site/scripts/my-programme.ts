import type { MineData, MineSession } from '../lib/my-programme-data';
import { saveCalendar } from './calendar-download';
import { buildTree } from './element-tree';
import { markNowNext } from './now-next';
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
 * Shows the starred sessions under their days, marks the one in progress and the next, warns about
 * any two that overlap, and builds their calendar file in the browser (calendar-download.ts), all from the language's `my-programme.json`. What needs no data
 * (the empty note, the download button) is decided at once from the stars, and the list keeps a
 * room of its own (global.css), so nothing below it moves when the cards arrive.
 */
export function initMyProgramme(doc: Document): void {
  const root = doc.querySelector<HTMLElement>('[data-my-programme]');
  const list = root?.querySelector<HTMLElement>('[data-mine-list]');
  const warning = list?.querySelector<HTMLElement>('[data-mine-clashes]');
  const dayTemplate = root?.querySelector<HTMLTemplateElement>('[data-mine-day-template]');
  if (!root || !list || !warning || !dayTemplate) return;
  const empty = root.querySelector<HTMLElement>('[data-mine-empty]');
  const download = root.querySelector<HTMLButtonElement>('[data-mine-download]');
  let data: MineData | null = null;
  const loading = fetch(root.dataset.src ?? '')
    .then((r) => (r.ok ? (r.json() as Promise<MineData>) : Promise.reject(new Error(`${r.status}`))))
    .then((d) => {
      data = d;
    });
  const mine = () => {
    const stars = readStars();
    return (data?.sessions ?? []).filter((s) => stars.has(s.id));
  };
  const render = () => {
    const starred = readStars().size > 0;
    if (empty) empty.hidden = starred;
    if (download) download.hidden = !starred;
    list.classList.toggle('has-stars', starred);
    if (!data) return;
    const sessions = mine();
    const days = data.days.flatMap((day) => {
      const cards = sessions.filter((s) => s.date === day.date).map((s) => buildTree(doc, s.card));
      if (!cards.length) return [];
      const section = (dayTemplate.content.firstElementChild?.cloneNode(true) ?? doc.createElement('section')) as HTMLElement;
      const heading = section.querySelector('h2');
      const time = section.querySelector('time');
      if (heading) heading.id = `mine-${day.date}-h`;
      section.setAttribute('aria-labelledby', `mine-${day.date}-h`);
      section.dataset.mineDay = day.date;
      if (time) {
        time.dateTime = day.date;
        time.textContent = day.label;
      }
      section.querySelector('ol')?.append(...cards);
      return [section];
    });
    list.replaceChildren(warning, ...days);
    showClashes(warning, sessions);
    // The zone picker fills the reader's line under every time, these new ones too; the marks of
    // the session in progress and the next one are set on the cards just drawn.
    doc.dispatchEvent(new CustomEvent('times:added'));
    markNowNext(doc);
  };
  render();
  loading.then(render, () => {
    // No data (offline and never loaded): the empty note says where the programme is.
    if (empty) empty.hidden = false;
  });
  doc.addEventListener('stars:change', render);
  download?.addEventListener('click', async () => {
    await loading.catch(() => undefined);
    if (!data) return;
    saveCalendar(doc, download.dataset.filename ?? 'calendar.ics', data, mine());
  });
}

/** One line per overlapping pair, naming both titles as the cards show them; text only, never markup. */
function showClashes(warning: HTMLElement, mine: MineSession[]): void {
  const title = (id: string) => (mine.find((m) => m.id === id)?.title ?? id).trim().replace(/\.$/, '');
  const template = warning.dataset.template ?? '{first} / {second}';
  const lines = clashes(mine.map((s) => ({ id: s.id, start: Date.parse(s.start), end: Date.parse(s.end) }))).map(({ first, second }) => {
    const p = warning.ownerDocument.createElement('p');
    // A title's closing full stop would end up inside the quotation marks.
    p.textContent = template.replace('{first}', title(first)).replace('{second}', title(second));
    return p;
  });
  warning.replaceChildren(...lines);
  warning.hidden = lines.length === 0;
}
