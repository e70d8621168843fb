import type { MineData } from '../lib/my-programme-data';
import { readStars } from './stars';

/**
 * What My programme's sharing costs on every visit: showing the tools once something is starred,
 * and keeping the data file's contents for the share panel (share-panel.ts), which is loaded only
 * when the reader opens "Share" or arrives by a shared link (`?s=`), so the page's 3 KB script
 * budget carries neither the panel nor the QR library.
 */
export function initShare(doc: Document): void {
  const root = doc.querySelector<HTMLElement>('[data-my-programme]');
  const tools = root?.querySelector<HTMLElement>('[data-mine-tools]');
  if (!root || !tools) return;
  let data: MineData | null = null;
  let panel: Promise<{ update(): void; restore(): void }> | undefined;
  const load = () => (panel ??= import('./share-panel').then((m) => m.sharePanel(doc, root, () => data)));
  const show = () => {
    tools.hidden = readStars().size === 0;
  };
  show();
  doc.addEventListener('stars:change', show);
  doc.addEventListener('mine:data', (event) => {
    data = (event as CustomEvent<MineData>).detail;
    if (new URLSearchParams(doc.location.search).has('s')) void load().then((p) => p.restore());
    else panel?.then((p) => p.update());
  });
  tools.querySelector('details')?.addEventListener('toggle', () => void load(), { once: true });
}
