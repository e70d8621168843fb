import { readStars } from './stars';

/**
 * Shows the starred sessions and builds their calendar file in the browser from the entries the
 * build put in the page, so the file has the same format and UIDs as the published ones.
 */
export function initMyProgramme(doc: Document): void {
  const root = doc.querySelector<HTMLElement>('[data-my-programme]');
  if (!root) return;
  const items = [...root.querySelectorAll<HTMLElement>('[data-mine]')];
  const empty = root.querySelector<HTMLElement>('[data-mine-empty]');
  const download = root.querySelector<HTMLButtonElement>('[data-mine-download]');
  // HTML parsing turns the CRLF line ends of the entries into LF; RFC 5545 wants CRLF back.
  const text = (selector: string) => (root.querySelector<HTMLTemplateElement>(selector)?.content.textContent ?? '').replace(/\r?\n/g, '\r\n');
  const render = () => {
    const stars = readStars();
    const mine = items.filter((item) => stars.has(item.dataset.mine ?? ''));
    for (const item of items) item.hidden = !stars.has(item.dataset.mine ?? '');
    if (empty) empty.hidden = mine.length > 0;
    if (download) download.hidden = mine.length === 0;
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
