/**
 * Browser side of the zone picker: adds the reader's zone (their device's, or one they choose) to
 * every session time. It reads clocks with `Intl` alone (no date library ships to the browser),
 * with the same `Intl` options as content-models/time.ts, and writes the line and names the zone
 * with the build's own modules and names (content-models/time-text.ts; zone-naming.ts's `tableNamer`,
 * with the names the build wrote fetched from the select's `data-zone-names` for a zone that is
 * not a capital), so the reader's line
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
import { tableNamer } from '../../content-models/zone-naming';

const STORAGE_KEY = 'seminario.timeZone';
const NONE = 'none';

export function initZonePicker(doc: Document): void {
  const box = doc.querySelector<HTMLElement>('[data-zone-picker]');
  const select = box?.querySelector<HTMLSelectElement>('select');
  if (!box || !select) return;
  // The country options carry each member country's capital zone and name in the page's language:
  // enough to name a capital. Any other zone (an alias, Manaus, a city elsewhere) needs the build's
  // table of names, fetched once, the first time such a zone is shown.
  const countries = [...select.querySelectorAll<HTMLOptionElement>('option[data-country]')].map((o) => ({ timeZone: o.value, name: o.text }));
  let name = tableNamer(countries);
  let tables: Promise<void> | undefined;
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
    // In the page's locale, whose data the lines need anyway (the default locale's would cost more).
    const zone = choice === 'local' ? Intl.DateTimeFormat(select.dataset.locale).resolvedOptions().timeZone : choice;
    if (zone && !tables && !countries.some((c) => c.timeZone === zone))
      tables = fetch(select.dataset.zoneNames!)
        .then((r) => r.json())
        .then(
          (found: Record<string, string>) => {
            name = tableNamer(countries, found);
          },
          // Not reachable (offline before the worker kept it): zones are named by their city.
          () => {},
        );
    // At load the lines are drawn in a task of their own: the first Intl use above (ICU's start) is
    // long enough alone (Lighthouse's TBT). The reader's line has its room already (global.css):
    // drawn a moment later, it shifts nothing. A reader's choice is drawn at once.
    void (tables ?? (announce ? Promise.resolve() : new Promise((go) => setTimeout(go)))).then(() => {
      render(doc, zone, select.dataset, name);
      const status = box.querySelector<HTMLElement>('[data-zone-status]');
      if (status && announce) status.textContent = zone ? status.dataset.template!.replace('{zone}', name(zone)) : '';
    });
  };
  select.addEventListener('change', () => update(true));
  // Times drawn after load (My programme's cards) get the reader's line too.
  doc.addEventListener('times:added', () => update(false));
  update(false);
}

/**
 * A range in a zone, as content-models/time.ts and site/lib/time-display.ts build it at build time:
 * h23 clock times in the page's locale, each end's offset, the start's date when it is not the
 * session's and the end's when it is not the start's. Without the zone's label, the same on every
 * line (render writes it once). Throws for a zone the browser does not know.
 */
function rangeIn(start: Date, end: Date, sessionDate: string, zone: string, locale: string): Omit<ZonedRange, 'zone' | 'label'> {
  const clock = format(zone, 1, locale);
  const day = format(zone, 2, locale);
  const s = wallAt(start, zone);
  const e = wallAt(end, zone);
  const startOffset = offsetLabel(s.offset);
  const endOffset = offsetLabel(e.offset);
  return {
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
  // The wall-clock reading as if it were UTC: its distance from the instant is the offset. Swedish
  // writes it as ISO 8601 does ("2020-10-26 09:00"), so the text is read back as it is.
  const wall = format(zone, 0, 'sv').format(instant);
  const local = Date.parse(`${wall.replace(' ', 'T')}Z`);
  // The reading drops the instant's seconds: rounding up takes them back off.
  return { date: wall.slice(0, 10), offset: Math.ceil((local - instant.getTime()) / 60_000) };
}

/** The formats by kind: the wall clock as ISO-like text, the clock time, the short date. */
const OPTIONS: Intl.DateTimeFormatOptions[] = [
  // Swedish's short date and time are ISO 8601's, on a 24-hour clock.
  { dateStyle: 'short', timeStyle: 'short' },
  { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' },
  { weekday: 'short', day: 'numeric', month: 'short' },
];

// Building an Intl.DateTimeFormat costs far more than using one, and every session asks for the same zones.
// The page's locale is one for the whole page, so the kind and zone key them; each is built when first asked.
const formats: Record<string, Intl.DateTimeFormat> = {};

const format = (zone: string, kind: number, locale: string): Intl.DateTimeFormat =>
  (formats[kind + zone] ??= new Intl.DateTimeFormat(locale, { ...OPTIONS[kind], timeZone: zone }));

function render(doc: Document, zone: string, texts: DOMStringMap, name: (zone: string) => string): void {
  // The select always carries these texts (ZonePicker.astro).
  const locale = texts.locale!;
  // The zone's label is the same on every line, so it is written once. A country's own label where
  // its name takes an article (pt "do Brasil"), also before a city: "Brasil (Manaus)".
  const zoneName = name(zone);
  const country = zoneName.split(' (')[0]!;
  const countryLabel = [...doc.querySelectorAll<HTMLOptionElement>('option[data-label]')].find((o) => o.text === country)?.dataset.label;
  const label = countryLabel ? countryLabel + zoneName.slice(country.length) : texts.zoneTemplate!.replace('{zone}', zoneName);
  for (const block of doc.querySelectorAll<HTMLElement>('[data-times]')) {
    const line = block.querySelector<HTMLElement>('[data-chosen]');
    for (const mark of block.querySelectorAll<HTMLElement>('[data-yours]')) mark.classList.remove('on');
    if (!line) continue;
    line.hidden = true;
    if (!zone) continue;
    try {
      // The line's pieces in order (TimeRange.astro): its two times; after the start, the dash,
      // after the end and the zone's label. A line missing one throws, and stays hidden.
      const [startEl, endEl] = line.querySelectorAll('time');
      const spans = line.querySelectorAll('span');
      const start = new Date(startEl!.dateTime);
      const end = new Date(endEl!.dateTime);
      // A built line shows the same times, offsets and day markers exactly when its zone has the
      // reader's offsets at both ends: every piece of a line is read from the wall clock.
      const offsets = (z: string) => `${wallAt(start, z).offset} ${wallAt(end, z).offset}`;
      const mine = rangeIn(start, end, block.dataset.date!, zone, locale);
      const own = offsets(zone);
      const mark = [...block.querySelectorAll<HTMLElement>('p[data-zone]')].find((p) => offsets(p.dataset.zone!) === own)?.querySelector('[data-yours]');
      if (mark) {
        mark.classList.add('on');
        continue;
      }
      const pieces = rangePieces(mine);
      startEl!.textContent = mine.start;
      endEl!.textContent = mine.end;
      [pieces.afterStart, pieces.separator, pieces.afterEnd].forEach((text, i) => {
        spans[i]!.textContent = text;
      });
      spans[3]!.textContent = `${label}${pieces.afterLabel} ${texts.yours}`;
      line.hidden = false;
    } catch {
      // A zone this browser does not know (or a damaged line): the built lines stay, complete.
    }
  }
}
