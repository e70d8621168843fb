import { createHash } from 'node:crypto';
import { instantToWallClock } from '../../content-models/time';
import { t } from '../i18n';
import type { Session, Site } from './content/load';
import { portableTextToPlain } from './portable-text';
import { type Lang, pagePath } from './routes';

/**
 * `schedule.json` in the C3VOC/frab/pretalx layout that conference apps (Giggity, ConfClerk,
 * Fahrplan) read. Local times are in the event's reference zone (`time_zone_name`), with `start` as
 * "HH:MM" the way pretalx writes it and `date` as a full ISO date-time with offset. Concurrent
 * sessions are put in different virtual rooms so apps show them side by side.
 */

/** A stable name-based UUID (v5 layout over SHA-1), so ids survive rebuilds and source changes. */
export function stableUuid(name: string): string {
  const hash = createHash('sha1').update(`seminario-taller-css:${name}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** ISO 8601 with the zone's offset, e.g. 2020-10-26T09:00:00-06:00. */
export function isoWithOffset(instant: Date, zone: string): string {
  const { date, time } = instantToWallClock(instant, zone);
  const local = Date.parse(`${date}T${time}:00Z`);
  const minutes = Math.round((local - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function duration(s: Session): string {
  const minutes = Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const appType: Record<Session['kind'], string> = {
  opening: 'talk',
  introduction: 'talk',
  panel: 'discussion',
  workshop: 'workshop',
  plenary: 'talk',
  recap: 'meeting',
  closing: 'talk',
  other: 'other',
};

/** The conference acronym the schema allows: lower case, digits and underscores. */
export function scheduleAcronym(site: Site): string {
  const base = (site.event.shortName?.text ?? site.event.name.text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const year = site.days[0]?.date.slice(0, 4) ?? '';
  const acronym = `${base}_${year}`.replace(/_+/g, '_');
  return acronym.length >= 4 ? acronym : `event_${acronym}`;
}

export function scheduleJson(site: Site, lang: Lang, origin: string): object {
  const zone = site.event.timeZone;
  const roomName = (lane: number) => `${t(lang, 'kind.other')} ${lane + 1}`;
  const lanes = new Map<string, number>();
  for (const s of site.sessions) {
    const taken = new Set(s.concurrentWith.map((id) => lanes.get(id)).filter((n) => n !== undefined));
    let lane = 0;
    while (taken.has(lane)) lane++;
    lanes.set(s._id, lane);
  }
  const laneCount = Math.max(1, ...[...lanes.values()].map((n) => n + 1));
  const rooms = Array.from({ length: laneCount }, (_, i) => ({ name: roomName(i), guid: stableUuid(`room:${i}`) }));
  const ids = new Map(site.sessions.map((s, i) => [s._id, i + 1]));
  const firstDay = site.days[0]?.date ?? '';
  const lastDay = site.days.at(-1)?.date ?? firstDay;

  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'seminario-taller-css', version: '1.0.0' },
    schedule: {
      version: site.sessions.map((s) => s._updatedAt ?? '').sort().at(-1) || '1',
      base_url: new URL(pagePath('home', lang), origin).href,
      conference: {
        acronym: scheduleAcronym(site),
        title: site.event.name.text,
        ...(site.event.summary ? { description: site.event.summary.text } : {}),
        start: firstDay,
        end: lastDay,
        daysCount: site.days.length,
        timeslot_duration: '00:10',
        time_zone_name: zone,
        url: new URL(pagePath('programme', lang), origin).href,
        rooms,
        days: site.days.map((day, index) => ({
          index: index + 1,
          date: day.date,
          day_start: isoWithOffset(day.startsAt ?? new Date(`${day.date}T00:00:00Z`), zone),
          day_end: isoWithOffset(day.endsAt ?? new Date(`${day.date}T23:59:00Z`), zone),
          rooms: Object.fromEntries(
            rooms.map((room, lane) => [
              room.name,
              day.sessions
                .filter((s) => lanes.get(s._id) === lane)
                .map((s) => ({
                  id: ids.get(s._id) ?? 0,
                  guid: stableUuid(`session:${s._id}`),
                  date: isoWithOffset(s.startsAt, zone),
                  start: instantToWallClock(s.startsAt, zone).time,
                  duration: duration(s),
                  room: room.name,
                  slug: s.slug,
                  url: new URL(pagePath('session', lang, s.slug), origin).href,
                  title: s.title.text,
                  subtitle: null,
                  track: t(lang, `kind.${s.kind}`),
                  type: appType[s.kind],
                  language: 'es',
                  abstract: s.objective?.text ?? null,
                  description: [
                    t(lang, `access.${s.access}`),
                    s.description ? portableTextToPlain(s.description.blocks) : '',
                    s.questions.length ? `${t(lang, 'session.questions')}:\n${s.questions.map((q, i) => `${i + 1}. ${q.text}`).join('\n')}` : '',
                  ]
                    .filter(Boolean)
                    .join('\n\n'),
                  persons: s.participants.flatMap((p) =>
                    p.speaker ? [{ name: p.speaker.name, guid: stableUuid(`speaker:${p.speaker._id}`), code: p.speaker._id.replace(/[^A-Za-z0-9]/g, '').toUpperCase() }] : [],
                  ),
                  links: s.links
                    .filter((l) => s.access === 'public' || (l.kind !== 'join' && l.kind !== 'stream'))
                    .map((l) => ({ url: l.url, title: l.label?.text ?? t(lang, `link.${l.kind}`) })),
                  attachments: [],
                })),
            ]),
          ),
        })),
      },
    },
  };
}
