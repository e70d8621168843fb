/**
 * Browser side of the zone picker: adds the reader's zone (their device's, or one they choose) to
 * every session time, using only `Intl` (no date library ships to the browser) through the same
 * range and naming functions the build uses, so the reader's line and the built lines agree on
 * times, offsets and day markers. The choice persists in localStorage. Reads instants from
 * `<time datetime>`; writes only text.
 *
 * Without a saved choice the reader's own zone is shown: that is what most readers want, and it
 * means the line reserved for it in the layout (see global.css) is filled, never left to appear
 * later and push the page down. When the reader's times are those of a line already shown (a reader
 * in Guatemala, or in El Salvador on Guatemala's clock), that line says "(your time)" instead and
 * the reader's line stays empty. Choosing "Guatemala and Peru only" is saved as `none`.
 */
import { zoneName } from '../../content-models/zone-names';
import type { Lang } from '../lib/routes';
import { rangeIn, rangePieces, type ZonedRange } from '../lib/time-display';

const STORAGE_KEY = 'seminario.timeZone';
const NONE = 'none';

export function initZonePicker(doc: Document): void {
  const box = doc.querySelector<HTMLElement>('[data-zone-picker]');
  const select = box?.querySelector<HTMLSelectElement>('select');
  if (!box || !select) return;
  box.hidden = false;
  const lang = (select.dataset.siteLang || 'es') as Lang;
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (private mode, policies): the picker still works for this page.
  }
  const initial = saved === NONE ? '' : (saved ?? 'local');
  if ([...select.options].some((o) => o.value === initial)) select.value = initial;
  const update = (announce: boolean) => {
    const choice = select.value;
    try {
      localStorage.setItem(STORAGE_KEY, choice || NONE);
    } catch {
      // See above.
    }
    const zone = choice === 'local' ? Intl.DateTimeFormat().resolvedOptions().timeZone : choice;
    const label = zone ? zoneName(zone, lang) : '';
    render(doc, zone, lang, select.dataset);
    const status = box.querySelector<HTMLElement>('[data-zone-status]');
    if (status && announce) status.textContent = zone ? (status.dataset.template ?? '{zone}').replace('{zone}', label) : '';
  };
  select.addEventListener('change', () => update(true));
  update(false);
}

/** The same times, offsets and day markers: a line the reader's would only repeat. */
function sameTimes(a: ZonedRange, b: ZonedRange): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.startOffset === b.startOffset &&
    a.endOffset === b.endOffset &&
    a.startDate === b.startDate &&
    a.endDate === b.endDate
  );
}

function render(doc: Document, zone: string, lang: Lang, texts: DOMStringMap): void {
  const yours = texts.yours ?? '';
  const zoneLabel = (name: string) => (texts.zoneTemplate ?? '{zone}').replace('{zone}', name);
  for (const block of doc.querySelectorAll<HTMLElement>('[data-times]')) {
    const line = block.querySelector<HTMLElement>('[data-chosen]');
    const [startEl, endEl] = line ? line.querySelectorAll('time') : [];
    const labelEl = line?.querySelector<HTMLElement>('[data-zone-label]');
    for (const mark of block.querySelectorAll<HTMLElement>('[data-yours]')) mark.classList.remove('on');
    if (!line || !startEl || !endEl || !labelEl) continue;
    line.hidden = true;
    if (!zone) continue;
    const start = new Date(startEl.dateTime);
    const end = new Date(endEl.dateTime);
    const date = block.dataset.date ?? '';
    let range: ZonedRange;
    try {
      range = rangeIn(start, end, date, zone, lang);
    } catch {
      // A zone this browser does not know: the built lines stay, complete.
      continue;
    }
    const repeated = [...block.querySelectorAll<HTMLElement>('p[data-zone]')].find((p) => {
      try {
        return sameTimes(rangeIn(start, end, date, p.dataset.zone ?? '', lang), range);
      } catch {
        return false;
      }
    });
    const mark = repeated?.querySelector<HTMLElement>('[data-yours]');
    if (mark) {
      mark.classList.add('on');
      continue;
    }
    const pieces = rangePieces(range);
    startEl.textContent = range.start;
    endEl.textContent = range.end;
    setText(line, '[data-after-start]', pieces.afterStart);
    setText(line, '[data-separator]', pieces.separator);
    setText(line, '[data-after-end]', pieces.afterEnd);
    labelEl.textContent = `${zoneLabel(range.label)}${pieces.afterLabel} ${yours}`;
    line.hidden = false;
  }
}

function setText(root: HTMLElement, selector: string, text: string): void {
  const el = root.querySelector<HTMLElement>(selector);
  if (el) el.textContent = text;
}
