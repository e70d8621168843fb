/**
 * A session page's life (issue #20): its Q&A and feedback by its phase, and its click-to-load
 * recordings. Both return at once on a page without them.
 */
import { initPhase } from './phase';
import { initPlayers } from './player';

export function initSessionLife(doc: Document): void {
  initPhase(doc);
  initPlayers(doc);
}
