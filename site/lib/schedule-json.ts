import { v5 as uuidv5 } from 'uuid';
import { type Lang, pagePath } from '../../content-models/routes';
import { instantToWallClock, resolveWallClock, utcOffsetMinutes } from '../../content-models/time';
import { t } from '../i18n';
import { participantLines } from './calendar';
import type { Session, Site } from './content/model';
import { channelEntries, languageLine } from './language-line';
import { portableTextToPlain } from './portable-text';
import { recordingTitle } from './recordings';

/**
 * `schedule.json` in the C3VOC/frab/pretalx layout that conference apps (Giggity, ConfClerk,
 * Fahrplan) read.
 *
 * - Local times are in the event's reference zone (`time_zone_name`): an event's `date` is a full
 *   ISO date-time with that zone's offset and its `start` is "HH:MM" the way pretalx writes it. The
 *   C3VOC schema says `format: date-time` for `start`, but pretalx, frab and the apps that read
 *   them use "HH:MM"; we follow them (the product asks for it).
 * - Concurrent sessions go to different virtual rooms, so apps show them side by side; a session
 *   takes the first room free of every session it overlaps.
 * - Ids (`guid`, the integer `id`, the acronym) are the same in every language and every build, so
 *   an app's favourites survive a rebuild or a switch of language.
 * - A participants-only session carries no join or stream link (see `content/links.ts`).
 */

/** The site's own UUIDv5 namespace, named after its domain-style calendar UID suffix. */
const UUID_NAMESPACE = uuidv5('seminario-taller-css.pifcss', uuidv5.DNS);

/**
 * A name-based UUID (v5, RFC 9562) in the site's namespace, so ids survive rebuilds and source changes.
 * @example stableUuid('room:0') // the same UUID on every build
 */
export function stableUuid(name: string): string {
  return uuidv5(name, UUID_NAMESPACE);
}

/**
 * ISO 8601 with the zone's offset at that instant, to the minute.
 * @example isoWithOffset(new Date('2020-10-26T15:00:00Z'), 'America/Guatemala') // '2020-10-26T09:00:00-06:00'
 */
export function isoWithOffset(instant: Date, zone: string): string {
  const { date, time } = instantToWallClock(instant, zone);
  const minutes = utcOffsetMinutes(instant, zone);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Where a day without sessions starts or ends: its local midnight (or 01:00 where the clocks skip
 * midnight, as in Chile, Paraguay and Cuba on their change days) and 23:59.
 */
function localDayBound(date: string, bound: 'start' | 'end', zone: string): Date {
  for (const time of bound === 'start' ? ['00:00', '01:00'] : ['23:59']) {
    const resolved = resolveWallClock(date, time, zone);
    if (resolved.ok) return resolved.instant;
  }
  throw new Error(`${date} has no ${bound} in ${zone}`);
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
  const base = site.name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const year = site.days[0]?.date.slice(0, 4) ?? '';
  const acronym = `${base}_${year}`.replace(/_+/g, '_');
  return acronym.length >= 4 ? acronym : `event_${acronym}`;
}

export interface ScheduleOptions {
  /** The conference acronym; pass the Spanish site's so that every language shares it. */
  acronym?: string;
}

/** The whole programme of one language as a C3VOC schedule. */
export function scheduleJson(site: Site, lang: Lang, origin: string, options: ScheduleOptions = {}): object {
  const zone = site.event.timeZone;
  const roomName = (lane: number) => t(lang, 'schedule.room', { number: lane + 1 });
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
  // The latest edit of any session: a new version whenever the programme changes, none otherwise.
  const version = site.sessions.reduce((latest, s) => (s._updatedAt && s._updatedAt > latest ? s._updatedAt : latest), '') || '1';
  const firstDay = site.days[0]?.date ?? '';
  const lastDay = site.days.at(-1)?.date ?? firstDay;

  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'seminario-taller-css', version: '1.0.0' },
    schedule: {
      version,
      base_url: new URL(pagePath('home', lang), origin).href,
      conference: {
        acronym: options.acronym ?? scheduleAcronym(site),
        title: site.event.name.text,
        ...(site.event.summary ? { description: site.event.summary.text } : {}),
        start: firstDay,
        end: lastDay,
        daysCount: site.days.length,
        timeslot_duration: '00:10',
        time_zone_name: zone,
        url: new URL(pagePath('programme', lang), origin).href,
        tracks: [...new Set(site.sessions.map((s) => t(lang, `kind.${s.kind}`)))].map((name) => ({ name })),
        rooms,
        days: site.days.map((day, index) => ({
          index: index + 1,
          date: day.date,
          day_start: isoWithOffset(day.startsAt ?? localDayBound(day.date, 'start', zone), zone),
          day_end: isoWithOffset(day.endsAt ?? localDayBound(day.date, 'end', zone), zone),
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
                  // The floor language; interpretation and captions are in the description.
                  language: s.language ?? 'es',
                  abstract: s.objective?.text ?? null,
                  description: [
                    t(lang, `access.${s.access}`),
                    languageLine(s, lang) ? `${t(lang, 'session.language')}: ${languageLine(s, lang)}` : '',
                    s.access === 'participants' ? t(lang, 'session.participantsOnlyNote') : '',
                    s.description ? portableTextToPlain(s.description.blocks) : '',
                    s.questions.length ? `${t(lang, 'session.questions')}:\n${s.questions.map((q, i) => `${i + 1}. ${q.text}`).join('\n')}` : '',
                    // Placeholders ("to be confirmed") are not persons, so every participant is listed here too.
                    s.participants.length ? `${t(lang, 'session.participants')}:\n${participantLines(s, lang).join('\n')}` : '',
                  ]
                    .filter(Boolean)
                    .join('\n\n'),
                  persons: [...new Map(s.participants.flatMap((p) => (p.speaker ? [[p.speaker._id, p.speaker.name] as const] : [])))].map(([id, name]) => ({
                    name,
                    guid: stableUuid(`speaker:${id}`),
                    code: id.replace(/[^A-Za-z0-9]/g, '').toUpperCase(),
                  })),
                  links: [
                    ...s.shownLinks.map((l) => ({ url: l.url, title: l.label?.text ?? t(lang, `link.${l.kind}`) })),
                    // Channels per language (issue 20) are links too: the C3VOC event takes no other field.
                    ...channelEntries(s, lang),
                    // Recordings (issue #20) where conference apps look for a session's links.
                    ...s.recordings.map((r) => ({ url: r.url, title: recordingTitle(r, lang) })),
                  ],
                  // pretalx's field for the session's feedback form.
                  ...(s.feedbackUrl ? { feedback_url: s.feedbackUrl } : {}),
                  attachments: s.materials.map((m) => ({
                    url: new URL(m.href, origin).href,
                    title: m.title.text,
                    ...(m.extension ? { type: m.extension } : {}),
                    ...(m.size != null ? { size: m.size } : {}),
                  })),
                })),
            ]),
          ),
        })),
      },
      // Issue #20, beside the schema's fields (a schedule may carry more): activities without hours.
      asynchronous_activities: asyncActivitiesJson(site),
    },
  };
}

/** The asynchronous activities, with their dates when set and the event day they follow. */
function asyncActivitiesJson(site: Site) {
  return site.asyncActivities.map((a) => ({
    guid: stableUuid(`async:${a._id}`),
    title: a.title.text,
    description: a.description?.text ?? null,
    start_date: a.startDate,
    end_date: a.endDate,
    after_day: a.slot,
    url: a.url,
  }));
}
