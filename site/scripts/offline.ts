/**
 * Registers the service worker that keeps the programme readable offline (/sw.js, written by
 * site/lib/offline.ts with Workbox) and, once a worker is active (its install has cached every
 * page), fills the footer note that says so. The note is an empty live region until then: it takes no room, and a
 * reader using a screen reader hears it once, on the visit that made the copy, not on every page.
 */
export function initOffline(doc: Document): void {
  // Not under `astro dev`: a worker there would outlive the dev server and answer for its pages.
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const sw = navigator.serviceWorker;
  const note = doc.querySelector<HTMLElement>('[data-offline-note]');
  if (note) {
    // Already served by the worker: the copy exists, so show the note without announcing it.
    if (sw.controller) note.setAttribute('aria-live', 'off');
    sw.ready.then(() => {
      note.textContent = note.dataset.text ?? '';
    });
  }
  // After the page's own loading, so the worker's downloads never compete with it.
  const register = () => {
    sw.register('/sw.js').catch(() => {
      // No worker (private mode, policies, quota): the site works online as before.
    });
  };
  if (doc.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
