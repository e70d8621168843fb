/**
 * The bridge between the pure rules (`content-models/validation/`), which speak in
 * {@link RuleIssue}s with readable paths, and Sanity's custom validators, which return
 * `ValidationError`s with paths relative to the value being validated.
 */
import type { CustomValidatorResult, Path, PathSegment, ValidationError } from 'sanity';
import type { RuleIssue, RuleLevel } from '../../validation/types';

/**
 * Parses a rule path (`links[0].url`) into a Sanity path, using the `_key` of array items found in
 * `root` (the value the path starts from), because the Studio attaches markers to array items by key.
 */
export function toSanityPath(path: string, root: unknown): Path {
  const segments: Path = [];
  let value: unknown = root;
  for (const part of path.match(/[^.[\]]+|\[\d+\]/gu) ?? []) {
    let segment: PathSegment;
    if (part.startsWith('[')) {
      const index = Number(part.slice(1, -1));
      const item: unknown = Array.isArray(value) ? value[index] : undefined;
      const key = typeof item === 'object' && item !== null && '_key' in item ? (item as { _key: unknown })._key : undefined;
      segment = typeof key === 'string' ? { _key: key } : index;
      value = item;
    } else {
      segment = part;
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
    }
    segments.push(segment);
  }
  return segments;
}

/**
 * The issues at one level, as the result of a custom validator declared with that level
 * (`rule.custom(…)` for errors, `rule.custom(…).warning()` for warnings: one Sanity rule has one
 * level). `prefix` is dropped from paths when the rule ran on a bigger value than the one the
 * validator sits on (the session's `links` field receives issues at `links[0].kind`).
 */
export function toValidationResult(issues: readonly RuleIssue[], level: RuleLevel, root: unknown, prefix = ''): CustomValidatorResult {
  const errors: ValidationError[] = issues
    .filter((issue) => issue.level === level)
    .map((issue) => {
      const relative = prefix !== '' && issue.path.startsWith(prefix) ? issue.path.slice(prefix.length).replace(/^\./u, '') : issue.path;
      const path = relative === '' ? [] : toSanityPath(relative, root);
      return path.length > 0 ? { message: issue.message, path } : { message: issue.message };
    });
  return errors.length > 0 ? errors : true;
}

/** The messages of the issues at exactly `path` and `level`, for a validator on that field. */
export function messagesAt(issues: readonly RuleIssue[], path: string, level: RuleLevel): CustomValidatorResult {
  const errors = issues.filter((issue) => issue.path === path && issue.level === level).map((issue) => ({ message: issue.message }));
  return errors.length > 0 ? errors : true;
}
