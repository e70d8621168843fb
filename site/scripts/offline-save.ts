/**
 * The footer's "save the whole programme" action, loaded on demand by offline.ts when the reader
 * presses the button: asks the active worker to store the language's other pages and says, in the
 * footer note (a live region), that it is saving, then whether it saved.
 */
export function saveProgramme(note: HTMLElement, save: HTMLButtonElement, registration: ServiceWorkerRegistration): void {
  note.textContent = note.dataset.saving ?? '';
  save.disabled = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = ({ data }: MessageEvent<{ saved?: number; error?: string }>) => {
    save.disabled = false;
    note.textContent = (typeof data.saved === 'number' ? note.dataset.saved : note.dataset.failed) ?? '';
  };
  registration.active?.postMessage({ type: 'save-programme' }, [channel.port2]);
}
