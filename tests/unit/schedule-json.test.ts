import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { stableUuid } from '../../site/lib/schedule-json';

describe('stableUuid', () => {
  it('gives a valid version-5 UUID that depends on the name alone', () => {
    const room = stableUuid('room:0');
    expect(validate(room)).toBe(true);
    expect(version(room)).toBe(5);
    expect(stableUuid('room:0')).toBe(room);
    expect(stableUuid('room:1')).not.toBe(room);
    expect(stableUuid('session:session-inauguracion')).not.toBe(stableUuid('session:session-clausura'));
  });
});
