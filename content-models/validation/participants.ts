import type { RuleIssue } from './types';

/** Roles of the content model (`sessionParticipant.role`). */
export const PARTICIPANT_ROLES = ['welcome', 'presenter', 'panelist', 'moderator', 'facilitator', 'speaker'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** A reference counts only once it points somewhere; the Studio can hold `{ _type: 'reference' }` alone. */
function isFilledReference(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'object' && ('_ref' in value || (value as { _type?: unknown })._type === 'reference')) {
    const ref = (value as { _ref?: unknown })._ref;
    return typeof ref === 'string' && ref.trim() !== '';
  }
  return true;
}

/**
 * Checks one participant of a session: it names exactly one of a confirmed `speaker` or a
 * `placeholder` label (Spanish), and says which `role` it plays.
 *
 * Paths are relative to the participant: `speaker`, `placeholder`, `role`.
 *
 * @example
 * checkParticipant({ placeholder: { es: 'Institución rectora de cooperación 1' }, role: 'panelist' }); // []
 * checkParticipant({ role: 'panelist' }); // [{ level: 'error', path: 'speaker', … }]
 */
export function checkParticipant(p: { speaker?: unknown; placeholder?: { es?: string } | null; role?: string }): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const hasSpeaker = isFilledReference(p.speaker);
  const hasPlaceholder = typeof p.placeholder?.es === 'string' && p.placeholder.es.trim() !== '';

  if (hasSpeaker && hasPlaceholder) {
    issues.push({
      level: 'error',
      path: 'placeholder',
      message:
        'Hay a la vez una persona elegida y un marcador. Si la persona ya está confirmada, borra el marcador; ' +
        'si todavía no lo está, quita la persona y deja solo el marcador.',
    });
  } else if (!hasSpeaker && !hasPlaceholder) {
    issues.push({
      level: 'error',
      path: 'speaker',
      message:
        'Falta quién participa. Elige una persona de la lista de ponentes o, si aún no está confirmada, ' +
        'escribe un marcador en español, por ejemplo «Institución rectora de cooperación 1».',
    });
  }

  if (typeof p.role !== 'string' || p.role === '') {
    issues.push({ level: 'error', path: 'role', message: 'Elige el papel que tiene en la sesión (por ejemplo panelista o moderador).' });
  } else if (!(PARTICIPANT_ROLES as readonly string[]).includes(p.role)) {
    issues.push({
      level: 'error',
      path: 'role',
      message: `El papel «${p.role}» no existe. Elige uno de la lista (bienvenida, presentación, panelista, moderación, facilitación o ponencia).`,
    });
  }

  return issues;
}
