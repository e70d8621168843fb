/**
 * Browser side of the zone picker: adds the reader's zone (their device's, or one they choose) to
 * every session time. It reads clocks with `Intl` alone (no date library ships to the browser),
 * with the same `Intl` options as content-models/time.ts, and writes the line and names the zone
 * with the build's own modules (content-models/time-text.ts, zone-naming.ts, with zone-names.ts's
 * tables read from the select's `data-zone-names`), so the reader's line
 * and the built lines agree on times, offsets and day markers; browser tests hold it to an
 * independent oracle at daylight-saving changes. The choice persists in localStorage; instants are
 * read from `<time datetime>`, and only text is written.
 *
 * Without a saved choice the reader's own zone is shown: that is what most readers want, and it
 * means the line reserved for it in the layout (see global.css) is filled, never left to appear
 * later and push the page down. When the reader's times are those of a line already shown (a reader
 * in Guatemala, or in El Salvador on Guatemala's clock), that line says "(your time)" instead and
 * the reader's line stays empty. Choosing "Guatemala and Peru only" is saved as `none`.
 */
import { offsetLabel, rangePieces, type ZonedRange } from '../../content-models/time-text';
import { namerFrom, type ZoneNamer, type ZoneTables } from '../../content-models/zone-naming';

const STORAGE_KEY = 'seminario.timeZone';
const NONE = 'none';

export function initZonePicker(doc: Document): void {
  const box = doc.querySelector<HTMLElement>('[data-zone-picker]');
  const select = box?.querySelector<HTMLSelectElement>('select');
  if (!box || !select) return;
  box.hidden = false;
  // The country options carry each member country's capital zone and name in the page's language.
  const namer = namerFrom(
    [...select.querySelectorAll<HTMLOptionElement>('option[data-country]')].map((o) => ({ code: o.dataset.country ?? '', timeZone: o.value, name: o.text })),
    tables(select.dataset.zoneNames),
  );
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
    render(doc, zone, select.dataset, namer);
    const status = box.querySelector<HTMLElement>('[data-zone-status]');
    if (status && announce) status.textContent = zone ? (status.dataset.template ?? '{zone}').replace('{zone}', namer.name(zone)) : '';
  };
  select.addEventListener('change', () => update(true));
  // Times drawn after load (My programme's cards) get the reader's line too.
  doc.addEventListener('times:added', () => update(false));
  update(false);
}

/** The naming tables the build wrote; without them (a damaged page) zones are named by their city. */
function tables(json: string | undefined): ZoneTables {
  try {
    return JSON.parse(json ?? '');
  } catch {
    return { links: {}, others: {}, cities: {} };
  }
}

/**
 * A range in a zone, as content-models/time.ts and site/lib/time-display.ts build it at build time:
 * h23 clock times in the page's locale, each end's offset, the start's date when it is not the
 * session's and the end's when it is not the start's. Throws for a zone the browser does not know.
 */
function rangeIn(start: Date, end: Date, sessionDate: string, zone: string, locale: string, namer: ZoneNamer): ZonedRange {
  const [clock, day] = formatsFor(zone, locale) as [Intl.DateTimeFormat, Intl.DateTimeFormat];
  const s = wallAt(start, zone);
  const e = wallAt(end, zone);
  const startOffset = offsetLabel(s.offset);
  const endOffset = offsetLabel(e.offset);
  return {
    zone,
    label: namer.name(zone),
    start: clock.format(start),
    end: clock.format(end),
    startOffset,
    endOffset,
    offset: startOffset === endOffset ? startOffset : null,
    startDate: s.date !== sessionDate ? day.format(start) : null,
    endDate: e.date !== s.date ? day.format(end) : null,
  };
}

/** The wall-clock date at an instant in a zone, and the zone's offset then (minutes east). Throws for an unknown zone. */
function wallAt(instant: Date, zone: string): { date: string; offset: number } {
  // The wall-clock reading as if it were UTC: its distance from the instant is the offset.
  let read = readers.get(zone);
  if (!read) {
    read = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    readers.set(zone, read);
  }
  const p = Object.fromEntries(read.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  const local = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, (p.hour ?? 0) % 24, p.minute ?? 0);
  return { date: new Date(local).toISOString().slice(0, 10), offset: Math.round((local - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000) };
}

// Building an Intl.DateTimeFormat costs far more than using one, and every session asks for the same zones.
// The page's locale is one for the whole page, so the zone alone keys them.
const formats = new Map<string, Intl.DateTimeFormat[]>();
const readers = new Map<string, Intl.DateTimeFormat>();

function formatsFor(zone: string, locale: string): Intl.DateTimeFormat[] {
  let found = formats.get(zone);
  if (!found) {
    found = [
      new Intl.DateTimeFormat(locale, { timeZone: zone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }),
      new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }),
    ];
    formats.set(zone, found);
  }
  return found;
}

function render(doc: Document, zone: string, texts: DOMStringMap, namer: ZoneNamer): void {
  const locale = texts.locale || 'es';
  const labels = new Map([...doc.querySelectorAll<HTMLOptionElement>('option[data-label]')].map((o) => [o.text.trim(), o.dataset.label ?? '']));
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
    const range = (z: string) => {
      try {
        return rangeIn(start, end, date, z, locale, namer);
      } catch {
        // A zone this browser does not know: the built lines stay, complete.
        return null;
      }
    };
    const mine = range(zone);
    if (!mine) continue;
    // A built line shows the same times, offsets and day markers exactly when its zone has the
    // reader's offsets at both ends: every piece of a line is read from the wall clock.
    const offsets = (z: string) => `${wallAt(start, z).offset} ${wallAt(end, z).offset}`;
    const own = offsets(zone);
    const repeated = [...block.querySelectorAll<HTMLElement>('p[data-zone]')].find((p) => {
      try {
        return offsets(p.dataset.zone ?? '') === own;
      } catch {
        return false;
      }
    });
    const mark = repeated?.querySelector<HTMLElement>('[data-yours]');
    if (mark) {
      mark.classList.add('on');
      continue;
    }
    const pieces = rangePieces(mine);
    startEl.textContent = mine.start;
    endEl.textContent = mine.end;
    for (const [selector, text] of [
      ['[data-after-start]', pieces.afterStart],
      ['[data-separator]', pieces.separator],
      ['[data-after-end]', pieces.afterEnd],
    ] as const) {
      const el = line.querySelector<HTMLElement>(selector);
      if (el) el.textContent = text;
    }
    // A country's own label where its name takes an article (pt "do Brasil"), also before a city: "Brasil (Manaus)".
    const country = mine.label.split(' (')[0] ?? '';
    const countryLabel = labels.get(country);
    const label = countryLabel ? countryLabel + mine.label.slice(country.length) : (texts.zoneTemplate ?? '{zone}').replace('{zone}', mine.label);
    labelEl.textContent = `${label}${pieces.afterLabel} ${texts.yours ?? ''}`;
    line.hidden = false;
  }
}
