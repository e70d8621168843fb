import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSafeHref } from '../../content-models/validation/links';
import { loadSite } from '../../site/lib/content/load';
import type { Site } from '../../site/lib/content/model';
import { ndjsonSource } from '../../site/lib/content/source';
import { myProgrammeData } from '../../site/lib/my-programme-data';
import { renderPortableText } from '../../site/lib/portable-text';
import { shareKeys } from '../../site/lib/share-keys';
import { webcalUrl } from '../../site/lib/site-url';
import { calendarOf } from '../../site/scripts/calendar-download';
import { withReminder } from '../../site/scripts/reminder';
import { sharedKeys, shareUrl } from '../../site/scripts/share-panel';
import { seedDatasetFile } from '../support/ndjson';

/**
 * The pieces of issue #20 that travel: the reminder in the My programme calendar, the share
 * link's keys, and the `webcal:` subscriptions (ours only: content links still refuse the scheme).
 */
const ORIGIN = 'https://seminario.example.org/';
let site: Site;
beforeAll(async () => {
  site = await loadSite('en', ndjsonSource(seedDatasetFile));
});

/** The VALARMs of every VEVENT, as ical.js reads the file. */
function alarms(ics: string): { trigger: string; action: string; description: string }[][] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((event) =>
    event.getAllSubcomponents('valarm').map((alarm) => ({
      trigger: String(alarm.getFirstPropertyValue('trigger')),
      action: String(alarm.getFirstPropertyValue('action')),
      description: String(alarm.getFirstPropertyValue('description')),
    })),
  );
}

describe('the My programme reminder (VALARM)', () => {
  it('is absent by default and, when chosen, in every event of the assembled file at the chosen time', () => {
    const data = myProgrammeData(site, 'en', ORIGIN);
    const mine = data.sessions.slice(0, 3);
    const plain = calendarOf(data, mine);
    expect(withReminder(plain, 0, 'x')).toBe(plain);
    expect(withReminder(plain, Number(''), 'x')).toBe(plain);
    expect(alarms(plain)).toEqual([[], [], []]);
    for (const minutes of [10, 15, 30]) {
      const text = 'Starts soon; join, then\\relax';
      const withAlarm = withReminder(plain, minutes, text);
      const found = alarms(withAlarm);
      expect(found).toHaveLength(3);
      for (const list of found) expect(list).toEqual([{ trigger: `-PT${minutes}M`, action: 'DISPLAY', description: text }]);
      // Nothing else changes: without the alarm blocks it is the same file.
      expect(withAlarm.replace(/BEGIN:VALARM\r\n[\s\S]*?END:VALARM\r\n/g, '')).toBe(plain);
    }
  });
});

describe('the share link', () => {
  it('gives every session a short key of its own, stable across programme order', () => {
    const ids = site.sessions.map((s) => s._id);
    const keys = shareKeys(ids);
    expect(new Set(keys.values()).size).toBe(ids.length);
    for (const key of keys.values()) expect(key).toMatch(/^[0-9a-z]{5}$/);
    const reversed = shareKeys([...ids].reverse());
    for (const id of ids) expect(reversed.get(id)).toBe(keys.get(id));
    // A set that collides at five characters still gets distinct keys (longer ones).
    const many = Array.from({ length: 20_000 }, (_, i) => `session-${i}`);
    const manyKeys = shareKeys(many);
    expect(new Set(manyKeys.values()).size).toBe(many.length);
  });

  it('round-trips keys through the page address, dropping anything that cannot be a key', () => {
    const page = 'https://seminario.example.org/en/my-programme/?utm=x#top';
    const url = shareUrl(page, ['ab12c', 'x9y8z']);
    expect(url).toBe('https://seminario.example.org/en/my-programme/?s=ab12c.x9y8z');
    expect(sharedKeys(url)).toEqual(['ab12c', 'x9y8z']);
    expect(sharedKeys(`${url}.%3Cscript%3E.ZZ..`)).toEqual(['ab12c', 'x9y8z']);
    expect(shareUrl(url, [])).toBe('https://seminario.example.org/en/my-programme/');
  });
});

describe('webcal subscriptions', () => {
  it('are the published file on an https site, and absent on http or loopback (local preview)', () => {
    expect(webcalUrl('/en/ics/evento.ics', 'https://seminario.example.org')).toBe('webcal://seminario.example.org/en/ics/evento.ics');
    expect(webcalUrl('/ics/dia-2020-10-26.ics', new URL('https://seminario.example.org:8443/'))).toBe(
      'webcal://seminario.example.org:8443/ics/dia-2020-10-26.ics',
    );
    expect(webcalUrl('/ics/evento.ics', 'http://127.0.0.1:4321')).toBeNull();
    expect(webcalUrl('/ics/evento.ics', 'http://seminario.example.org')).toBeNull();
    expect(webcalUrl('/ics/evento.ics', undefined)).toBeNull();
  });

  it('stay refused in content: a webcal: link field is unsafe and a webcal: Portable Text link renders as text', () => {
    expect(isSafeHref('webcal://seminario.example.org/ics/evento.ics')).toBe(false);
    const html = renderPortableText([
      {
        _type: 'block',
        _key: 'b',
        style: 'normal',
        markDefs: [{ _type: 'link', _key: 'l', href: 'webcal://evil.example/x.ics' }],
        children: [{ _type: 'span', _key: 's', text: 'subscribe here', marks: ['l'] }],
      },
    ]);
    expect(html).toContain('subscribe here');
    expect(html).not.toContain('webcal:');
  });
});
