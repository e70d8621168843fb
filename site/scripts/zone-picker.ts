/**
 * Browser side of the zone picker: shows every session time also in the chosen zone, using only
 * `Intl` (no date library ships to the browser). The choice persists in localStorage.
 * Reads instants from `<time datetime>`; writes only their text.
 *
 * Without a saved choice the reader's own zone is shown: that is what most readers want, and it
 * means the line reserved for it in the layout (see global.css) is filled, never left to appear
 * later and push the page down. Choosing "Guatemala and Peru only" is saved as `none`.
 */
const STORAGE_KEY = 'seminario.timeZone';
const NONE = 'none';

export function initZonePicker(doc: Document): void {
  const box = doc.querySelector<HTMLElement>('[data-zone-picker]');
  const select = box?.querySelector<HTMLSelectElement>('select');
  if (!box || !select) return;
  box.hidden = false;
  const lang = select.dataset.lang || doc.documentElement.lang || 'es';
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
    const label = choice === 'local' ? `${select.dataset.localLabel ?? ''} (${zone})` : (select.selectedOptions[0]?.textContent ?? zone);
    render(doc, zone, label, lang);
    const status = box.querySelector<HTMLElement>('[data-zone-status]');
    if (status && announce) status.textContent = zone ? (status.dataset.template ?? '{zone}').replace('{zone}', label) : '';
  };
  select.addEventListener('change', () => update(true));
  update(false);
}

function render(doc: Document, zone: string, label: string, lang: string): void {
  let time: Intl.DateTimeFormat | undefined;
  let day: Intl.DateTimeFormat | undefined;
  let offset: Intl.DateTimeFormat | undefined;
  let ymd: Intl.DateTimeFormat | undefined;
  if (zone) {
    try {
      time = new Intl.DateTimeFormat(lang, { timeZone: zone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });
      day = new Intl.DateTimeFormat(lang, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
      offset = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' });
      ymd = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      time = undefined;
    }
  }
  for (const line of doc.querySelectorAll<HTMLElement>('[data-chosen]')) {
    const [startEl, endEl] = line.querySelectorAll('time');
    const labelEl = line.querySelector<HTMLElement>('[data-zone-label]');
    if (!time || !day || !offset || !ymd || !startEl || !endEl || !labelEl) {
      line.hidden = true;
      continue;
    }
    const start = new Date(startEl.dateTime);
    const end = new Date(endEl.dateTime);
    startEl.textContent = time.format(start);
    endEl.textContent = time.format(end);
    const gmt = offset.formatToParts(start).find((p) => p.type === 'timeZoneName')?.value ?? '';
    const reference = line.closest<HTMLElement>('[data-times]')?.dataset.date;
    const otherDay = reference && ymd.format(start) !== reference ? ` · ${day.format(start)}` : '';
    labelEl.textContent = `${label} (${gmt.replace('GMT', 'UTC').replace('-', '−') || 'UTC'})${otherDay}`;
    line.hidden = false;
  }
}
