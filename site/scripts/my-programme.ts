import { clashes } from '../lib/clashes';
import type { MineData } from '../lib/my-programme-data';
import { buildTree } from './element-tree';
import { markNowNext } from './now-next';
import type { sharePanel } from './share-panel';
import { readStars } from './stars';

/**
 * Shows the starred sessions under their days, marks the one in progress and the next, and warns
 * about any two that overlap, all from the language's `my-programme.json`. What needs no data (the
 * empty note, the download button, the sharing tools) is decided at once from the stars, and the
 * list keeps a room of its own (global.css), so nothing below it moves when the cards arrive.
 * What the reader asks for loads only then, so the page's 3 KB script budget carries none of it:
 * the calendar file with its reminder (calendar-download.ts) on Download, the share panel
 * (share-panel.ts) when "Share" is opened or the page is reached by a shared link (`?s=`).
 */
export function initMyProgramme(doc: Document): void {
  const root = doc.querySelector<HTMLElement>('[data-my-programme]');
  const list = root?.querySelector<HTMLElement>('[data-mine-list]');
  const warning = list?.querySelector<HTMLElement>('[data-mine-clashes]');
  if (!root || !list || !warning) return;
  // The view always writes these parts (MyProgrammeView.astro).
  const part = (name: string) => root.querySelector<HTMLElement>(`[data-mine-${name}]`)!;
  const empty = part('empty');
  const offline = part('offline');
  const download = part('download');
  const tools = part('tools');
  let data: MineData | null = null;
  // The data file did not load (offline, and never loaded online): no cards, nothing to download or share.
  let failed = false;
  let panel: Promise<ReturnType<typeof sharePanel>> | undefined;
  const share = () => (panel ??= import('./share-panel').then((m) => m.sharePanel(doc, root, () => data)));
  const mine = () => {
    const stars = readStars();
    return (data?.sessions ?? []).filter((s) => stars.has(s.id));
  };
  const render = () => {
    const starred = readStars().size > 0;
    empty.hidden = starred;
    offline.hidden = !starred || !failed;
    download.hidden = tools.hidden = !starred || failed;
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
    // Titles as the build wrote them for the warning (my-programme-data.ts); text only, never markup.
    const title = (id: string) => sessions.find((m) => m.id === id)!.title;
    // The build always writes the warning's template (MyProgrammeView.astro).
    const template = warning.dataset.template!;
    const pairs = clashes(sessions.map((s) => ({ id: s.id, start: Date.parse(s.start), end: Date.parse(s.end) })));
    const lines = pairs.map(({ first, second }) => buildTree(doc, ['p', {}, template.replace('{first}', title(first)).replace('{second}', title(second))]));
    warning.replaceChildren(...lines);
    warning.hidden = lines.length === 0;
    // The zone picker fills the reader's line under every time, these new ones too; the marks of
    // the session in progress and the next one are set on the cards just drawn.
    doc.dispatchEvent(new Event('times:added'));
    markNowNext(doc);
  };
  render();
  doc.addEventListener('stars:change', render);
  const loading = fetch(root.dataset.src ?? '')
    .then((r) => (r.ok ? (r.json() as Promise<MineData>) : Promise.reject(r.status)))
    .then(
      (d) => {
        data = d;
        render();
        // A shared link is applied once the sessions' keys are known; an open panel gets its link.
        if (new URLSearchParams(doc.location.search).has('s')) void share().then((p) => p.restore());
        else void panel?.then((p) => p.update());
      },
      () => {
        // Offline and never loaded: with stars, a note says why instead of buttons that could do nothing.
        failed = true;
        render();
      },
    );
  tools.querySelector('details')?.addEventListener('toggle', () => void share(), { once: true });
  download.addEventListener('click', async () => {
    await loading;
    if (data) void import('./calendar-download').then((m) => m.saveCalendar(root, download, data!, mine()));
  });
}
