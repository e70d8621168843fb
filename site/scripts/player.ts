/**
 * Click-to-load players: a recording's link becomes a button, and only a press on it frames the
 * video host's player (the host hears nothing of the reader before that). Without JavaScript the
 * link opens the video on its own site. The hosts the policy lets in: site/lib/hosting/video-hosts.ts.
 */
export function initPlayers(doc: Document): void {
  for (const box of doc.querySelectorAll<HTMLElement>('[data-player]')) {
    const link = box.querySelector('a');
    const src = box.dataset.player;
    if (!link || !src) continue;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = link.className;
    button.textContent = link.textContent;
    link.replaceWith(button);
    button.addEventListener('click', () => {
      const frame = doc.createElement('iframe');
      // The reader asked to play: start it, so one press is enough.
      frame.src = `${src}${src.includes('?') ? '&' : '?'}autoplay=1`;
      frame.title = box.dataset.title ?? '';
      frame.allow = 'autoplay; fullscreen; picture-in-picture; encrypted-media';
      frame.allowFullscreen = true;
      box.replaceChildren(frame);
      box.classList.add('playing');
      frame.focus();
    });
  }
}
