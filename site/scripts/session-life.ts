/**
 * A session page's life (issue #20): its Q&A and feedback by its phase, and its click-to-load
 * recordings. Loaded by TimesScript only on a page that has one of them, so the other pages'
 * scripts stay within the 3 KB budget.
 */
import { initPhase } from './phase';
import { initPlayers } from './player';

export function initSessionLife(doc: Document): void {
  initPhase(doc);
  initPlayers(doc);
}
