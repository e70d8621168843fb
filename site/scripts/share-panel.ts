import type { MineData } from '../lib/my-programme-data';
import { readStars, writeStars } from './stars';

/**
 * My programme as a link and a QR code, with no account: the page's own address with the starred
 * sessions' short keys (`?s=k1.k2`, lib/share-keys.ts). Opened on another device, the page reads
 * the keys from my-programme.json, stars those sessions and drops `?s=` from the address (a reload
 * asks nothing again). A reader who already starred other sessions there is asked first — add them,
 * replace, or keep theirs — because a link someone sent should never silently wipe a choice; with
 * nothing starred, or the same sessions, it simply applies. This module loads only when needed
 * (my-programme.ts), and the QR library only when the code is asked for.
 */
const PARAM = 's';

/** The page's address carrying the given keys, or none. */
export function shareUrl(page: string, keys: readonly string[]): string {
  const url = new URL(page);
  url.search = '';
  url.hash = '';
  if (keys.length) url.searchParams.set(PARAM, keys.join('.'));
  return url.href;
}

/** The keys a shared address carries; anything that cannot be a key is ignored. */
export function sharedKeys(page: string): string[] {
  return (new URL(page).searchParams.get(PARAM) ?? '').split('.').filter((k) => /^[0-9a-z]{1,40}$/.test(k));
}

/**
 * The share panel, loaded by my-programme.ts when the reader opens it or arrives by a shared
 * link: keeps the link field current, copies it, draws the QR code, and restores a shared selection.
 */
export function sharePanel(doc: Document, root: HTMLElement, getData: () => MineData | null): { update(): void; restore(): void } {
  const tools = root.querySelector<HTMLElement>('[data-mine-tools]');
  const field = tools?.querySelector<HTMLInputElement>('[data-share-url]');
  const qrButton = tools?.querySelector<HTMLButtonElement>('[data-share-qr]');
  const canvas = tools?.querySelector<HTMLCanvasElement>('canvas');
  const prompt = root.querySelector<HTMLElement>('[data-share-prompt]');
  const status = tools?.querySelector<HTMLElement>('[data-share-status]');
  const noop = { update() {}, restore() {} };
  if (!tools || !field || !qrButton || !canvas || !prompt || !status) return noop;
  const drawQr = async () => {
    const { generate } = await import('lean-qr/nano');
    generate(field.value).toCanvas(canvas);
  };
  const update = () => {
    const data = getData();
    if (!data) return;
    const stars = readStars();
    field.value = shareUrl(
      doc.location.href,
      data.sessions.filter((s) => stars.has(s.id)).map((s) => s.key),
    );
    if (!canvas.hidden) void drawQr();
  };
  const apply = (next: Iterable<string> | null) => {
    prompt.hidden = true;
    history.replaceState(history.state, '', shareUrl(doc.location.href, []));
    if (next) writeStars(new Set(next));
    doc.dispatchEvent(new Event('stars:change'));
  };
  const restore = () => {
    const incoming = sharedKeys(doc.location.href);
    const ids = (getData()?.sessions ?? []).filter((s) => incoming.includes(s.key)).map((s) => s.id);
    const stars = readStars();
    if (!incoming.length) return;
    if (!ids.length || !stars.size || (stars.size === ids.length && ids.every((id) => stars.has(id)))) return apply(ids.length ? ids : null);
    prompt.hidden = false;
    const answer = (name: string, next: () => Iterable<string> | null) =>
      prompt.querySelector(`[data-share-${name}]`)?.addEventListener('click', () => apply(next()), { once: true });
    answer('add', () => [...readStars(), ...ids]);
    answer('replace', () => ids);
    answer('keep', () => null);
    prompt.querySelector('button')?.focus();
  };
  doc.addEventListener('stars:change', update);
  update();
  const copy = tools.querySelector<HTMLButtonElement>('[data-share-copy]');
  // Both buttons are disabled in the page until this code has arrived: a press before it would be lost.
  for (const button of [copy, qrButton]) if (button) button.disabled = false;
  copy?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = status.dataset.done ?? '';
    } catch {
      // No clipboard (permission or an old browser): the field is selected for the reader to copy.
      field.select();
    }
  });
  qrButton.addEventListener('click', async () => {
    const open = canvas.hidden;
    if (open)
      try {
        await drawQr();
      } catch {
        // Offline, the QR library never fetched: the offline shell keeps this panel, not the
        // library it loads in turn (site/lib/offline.ts). The link can still be copied.
        status.textContent = status.dataset.qrOffline ?? '';
        return;
      }
    canvas.hidden = !open;
    qrButton.setAttribute('aria-expanded', String(open));
  });
  return { update, restore };
}
