/**
 * Registers the language's service worker (`data-worker` on the footer note: /sw.js, /en/sw.js,
 * /pt/sw.js, written by site/lib/offline.ts) and, once a worker is active (its install
 * has cached the language's shell), fills the footer note that says so and shows the button that
 * saves the whole programme (its action loads when pressed: offline-save.ts). The note is an empty live region until then: it takes no room, and a
 * reader using a screen reader hears it once, on the visit that made the copy, not on every page.
 */
export function initOffline(doc: Document): void {
  // Not under `astro dev`: a worker there would outlive the dev server and answer for its pages.
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const sw = navigator.serviceWorker;
  const note = doc.querySelector<HTMLElement>('[data-offline-note]');
  if (!note?.dataset.worker) return;
  const worker = note.dataset.worker;
  // Already served by the worker: the copy exists, so show the note without announcing it.
  if (sw.controller) note.setAttribute('aria-live', 'off');
  const save = doc.querySelector<HTMLButtonElement>('[data-offline-save]');
  const ready = (registration: ServiceWorkerRegistration) => {
    // OfflineNote.astro always writes the note's texts.
    note.textContent = note.dataset.text!;
    if (!save) return;
    save.hidden = false;
    save.addEventListener('click', () => {
      note.setAttribute('aria-live', 'polite');
      // The saving code loads now (offline-save.ts). Where it cannot (offline, and never fetched
      // online), saving could not have worked either: the worker needs the network for it.
      import('./offline-save').then(
        (m) => m.saveProgramme(note, save, registration),
        () => {
          note.textContent = note.dataset.failed!;
        },
      );
    });
  };
  // After the page's own loading, so the worker's downloads never compete with it.
  const register = () => {
    sw.register(worker).then(
      // A browser that blocks workers may resolve with no registration at all: then nothing to do.
      (registration) => registration && whenActive(registration, ready),
      () => {
        // No worker (private mode, policies, quota): the site works online as before.
      },
    );
  };
  if (doc.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}

/**
 * Calls `then` once this registration (not another language's worker whose scope also covers the
 * page) has an active worker, that is, once its install has cached the shell.
 */
function whenActive(registration: ServiceWorkerRegistration, then: (registration: ServiceWorkerRegistration) => void): void {
  if (registration.active) {
    then(registration);
    return;
  }
  const worker = registration.installing ?? registration.waiting;
  worker?.addEventListener('statechange', () => {
    if (worker.state === 'activated') then(registration);
  });
}
