/**
 * The reader's own programme, without an account: starred session ids in localStorage. Every star
 * button on the page reflects and toggles the same set; other scripts listen for `stars:change`.
 */
export const STARS_KEY = 'seminario.starred';

export function readStars(): Set<string> {
  try {
    const value = JSON.parse(localStorage.getItem(STARS_KEY) ?? '[]');
    return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  } catch {
    return new Set();
  }
}

export function writeStars(stars: Set<string>): void {
  try {
    localStorage.setItem(STARS_KEY, JSON.stringify([...stars]));
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

/**
 * One listener for the whole page, so star buttons added later (My programme draws its cards from
 * data) work like the built ones; every button is read again on each change for the same reason.
 */
export function initStars(doc: Document): void {
  const sync = (stars: Set<string>) => {
    for (const b of doc.querySelectorAll<HTMLButtonElement>('button[data-star]')) b.setAttribute('aria-pressed', String(stars.has(b.dataset.star ?? '')));
  };
  sync(readStars());
  doc.addEventListener('stars:change', () => sync(readStars()));
  doc.addEventListener('click', (event) => {
    // A click's target is an element (the document listens; text nodes are never targets).
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-star]');
    if (!button) return;
    const stars = readStars();
    const id = button.dataset.star ?? '';
    if (stars.has(id)) stars.delete(id);
    else stars.add(id);
    writeStars(stars);
    doc.dispatchEvent(new Event('stars:change'));
  });
}
