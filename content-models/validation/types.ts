/**
 * Shapes shared by every pure rule in this folder. The rules know nothing about Sanity: the Studio
 * turns a {@link RuleIssue} into a validation marker and the site build turns it into a build error
 * or a console warning, so both speak with the same Spanish messages.
 */

/** `error` blocks publishing in the Studio (and fails the build); `warning` only informs. */
export type RuleLevel = 'error' | 'warning';

/**
 * One problem found by a rule.
 *
 * `path` points at the field to fix, relative to the value the rule was given, written the way an
 * editor would read it: `'end'`, `'links[0].url'`, `'participants[2]'`. An empty string means the
 * value as a whole.
 */
export interface RuleIssue {
  level: RuleLevel;
  path: string;
  /** Spanish, written for an editor: says what is wrong and how to fix it. */
  message: string;
}
