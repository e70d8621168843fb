import { clashes } from '../lib/clashes';
import type { MineData } from '../lib/my-programme-data';
import { calendarOf, saveCalendar } from './calendar-download';
import { buildTree } from './element-tree';
import { markNowNext } from './now-next';
import { readStars } from './stars';

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
  if (!root || !list || !warning) return;
  const empty = root.querySelector<HTMLElement>('[data-mine-empty]');
  const download = root.querySelector<HTMLButtonElement>('[data-mine-download]');
  let data: MineData | null = null;
  const loading = fetch(root.dataset.src ?? '')
    .then((r) => (r.ok ? (r.json() as Promise<MineData>) : Promise.reject(new Error(`${r.status}`))))
    .then((d) => {
      data = d;
      // The share link (my-programme-share.ts) needs the sessions' keys.
      doc.dispatchEvent(new CustomEvent('mine:data', { detail: d }));
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
      const section = buildTree(doc, day.section);
      section.querySelector('ol')?.append(...cards);
      return [section];
    });
    list.replaceChildren(warning, ...days);
    // Computed here, not listed by the build: the pairs of a long programme grow with its square.
    // A title's closing full stop would end up inside the quotation marks; text only, never markup.
    const title = (id: string) => (sessions.find((m) => m.id === id)?.title ?? id).trim().replace(/\.$/, '');
    const template = warning.dataset.template ?? '{first} / {second}';
    const pairs = clashes(sessions.map((s) => ({ id: s.id, start: Date.parse(s.start), end: Date.parse(s.end) })));
    const lines = pairs.map(({ first, second }) =>
      Object.assign(doc.createElement('p'), { textContent: template.replace('{first}', title(first)).replace('{second}', title(second)) }),
    );
    warning.replaceChildren(...lines);
    warning.hidden = lines.length === 0;
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
    // The reminder's code (reminder.ts) loads only when one is chosen.
    const reminder = root.querySelector<HTMLSelectElement>('[data-mine-reminder]');
    let ics = calendarOf(data, mine());
    if (reminder?.value) ics = (await import('./reminder')).withReminder(ics, Number(reminder.value), reminder.dataset.text ?? '');
    saveCalendar(doc, download.dataset.filename ?? 'calendar.ics', ics);
  });
}
