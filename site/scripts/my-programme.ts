import type { MineData, MineSession } from '../lib/my-programme-data';
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
 * The .ics of the given sessions: the calendar's opening lines, their VEVENT blocks in programme
 * order, the closing line. Each piece is already folded with CRLF by the build (lib/calendar.ts), so
 * the file is byte-for-byte what the build would write for that subset.
 */
export function calendarOf(data: Pick<MineData, 'ics'>, sessions: Pick<MineSession, 'ics'>[]): string {
  return data.ics.head + sessions.map((s) => s.ics).join('') + data.ics.tail;
}

/**
 * Shows the starred sessions under their days, warns about any two that overlap, and builds their
 * calendar file in the browser, all from the language's `my-programme.json`. What needs no data
 * (the empty note, the download button) is decided at once from the stars, and the list keeps a
 * room of its own (global.css), so nothing below it moves when the cards arrive.
 */
export function initMyProgramme(doc: Document): void {
  const root = doc.querySelector<HTMLElement>('[data-my-programme]');
  const list = root?.querySelector<HTMLElement>('[data-mine-list]');
  const warning = list?.querySelector<HTMLElement>('[data-mine-clashes]');
  const dayTemplate = root?.querySelector<HTMLTemplateElement>('[data-mine-day-template]');
  const cardTemplate = root?.querySelector<HTMLTemplateElement>('[data-mine-card]');
  if (!root || !list || !warning || !dayTemplate || !cardTemplate) return;
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
      const cards = sessions.filter((s) => s.date === day.date).map((s) => card(cardTemplate, s));
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
    // The zone picker fills the reader's line under every time, these new ones too.
    doc.dispatchEvent(new CustomEvent('times:added'));
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
    const file = new Blob([ics], { type: 'text/calendar;charset=utf-8' });
    const link = doc.createElement('a');
    link.href = URL.createObjectURL(file);
    link.download = download.dataset.filename ?? 'calendar.ics';
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
}

/** A compact session card from the template, text only (never markup from the data). */
function card(template: HTMLTemplateElement, s: MineSession): HTMLElement {
  const item = template.content.firstElementChild?.cloneNode(true) as HTMLElement;
  const article = item.querySelector('article') as HTMLElement;
  const headingId = `s-${s.url.split('/').filter(Boolean).at(-1) ?? s.id}`;
  item.dataset.mine = s.id;
  Object.assign(article.dataset, { session: s.id, kind: s.kind, access: s.access, start: s.start, end: s.end });
  article.setAttribute('aria-labelledby', headingId);
  const times = article.querySelector<HTMLElement>('[data-times]');
  if (times) times.dataset.date = s.date;
  for (const [i, line] of [...article.querySelectorAll('p[data-zone]')].entries()) {
    const [start = '', afterStart = '', separator = '', end = '', afterEnd = '', afterLabel = ''] = s.times[i] ?? [];
    const [t1, t2] = line.querySelectorAll('time');
    const [s1, s2, s3, , s4] = line.querySelectorAll('span');
    if (t1) t1.dateTime = s.start;
    if (t2) t2.dateTime = s.end;
    for (const [el, text] of [
      [t1, start],
      [s1, afterStart],
      [s2, separator],
      [t2, end],
      [s3, afterEnd],
      [s4, afterLabel],
    ] as const)
      if (el) el.textContent = text;
  }
  for (const [i, time] of [...article.querySelectorAll<HTMLTimeElement>('[data-chosen] time')].entries()) time.dateTime = i ? s.end : s.start;
  const text = (selector: string, value: string) => {
    const el = article.querySelector(selector);
    if (el) el.textContent = value;
    return el;
  };
  text('[data-kind-label]', s.kindLabel);
  text('.badge', s.accessLabel)?.classList.add(s.access);
  const languages = article.querySelector<HTMLElement>('[data-languages]');
  if (languages && s.languages) {
    languages.hidden = false;
    text('[data-languages] > span:last-child', s.languages);
  }
  const star = article.querySelector<HTMLButtonElement>('button.star');
  if (star) star.dataset.star = s.id;
  text('button.star .visually-hidden', `: ${s.title}`);
  const heading = article.querySelector('h3');
  if (heading) heading.id = headingId;
  const link = text('h3 a', s.title) as HTMLAnchorElement | null;
  if (link) {
    link.href = s.url;
    if (s.titleLang) link.lang = s.titleLang;
  }
  const make = (tag: string, value: string, attrs: Record<string, string> = {}) => {
    const el = article.ownerDocument.createElement(tag);
    el.textContent = value;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  };
  const people = article.querySelector('.people');
  people?.append(
    ...s.people.map((p) => {
      const li = make('li', '');
      li.append(make('strong', p.role), ' ', p.href ? make('a', p.name, { href: p.href }) : p.name, p.rest ?? '');
      if (p.topic) li.append(' — ', make('q', p.topic));
      return li;
    }),
  );
  if (!s.people.length) people?.remove();
  if (s.links?.length) {
    const line = make('p', ' ', { class: 'take-part compact', 'data-take-part': 'links' });
    for (const [i, [label, url]] of s.links.entries()) line.append(i ? ' · ' : '', make('a', label, { href: url }));
    article.append(line);
  }
  return item;
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
