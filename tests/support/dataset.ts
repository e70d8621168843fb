import { fromZonedTime } from 'date-fns-tz';
import { type Doc, publishedOfType, readNdjson, seedDatasetFile, slugOf } from './ndjson';

/**
 * What the embedded dataset says about the programme, read straight from the NDJSON and converted
 * with date-fns-tz, never through the site's code (load.ts, content-models/time.ts): tests compare
 * the built files with this as an independent oracle.
 */

export interface ExpectedSession {
  id: string;
  slug: string;
  date: string;
  /** Wall-clock start and end as the organisers wrote them, in `zone`. */
  start: string;
  end: string;
  zone: string;
  access: 'public' | 'participants';
  startsAt: Date;
  endsAt: Date;
  /** Ids of the speakers the session references, in the dataset's order, each once. */
  speakerIds: string[];
}

export interface ExpectedSpeaker {
  id: string;
  slug: string;
  /** Ids of the sessions that reference this speaker. */
  sessionIds: string[];
}

export interface ExpectedDataset {
  eventZone: string;
  days: { date: string; access: string }[];
  /** In time order (start, then the organisers' `order`). */
  sessions: ExpectedSession[];
  speakers: ExpectedSpeaker[];
}

/**
 * The UTC instant of a wall-clock time in an IANA zone; `9:00` and `09:00` are both accepted.
 * @example wallClockToUtc('2020-10-26', '9:00', 'America/Guatemala').toISOString() // '2020-10-26T15:00:00.000Z'
 */
export function wallClockToUtc(date: string, time: string, zone: string): Date {
  return fromZonedTime(`${date} ${time.padStart(5, '0')}`, zone);
}

/** @example icsUtc(new Date('2020-10-26T15:00:00Z')) // '20201026T150000Z' */
export function icsUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** @example isoUtc(new Date('2020-10-26T15:00:00Z')) // '2020-10-26T15:00:00Z' */
export function isoUtc(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The programme of an NDJSON export (the embedded dataset by default). */
export function expectedDataset(file = seedDatasetFile): ExpectedDataset {
  const docs = readNdjson(file);
  const event = publishedOfType(docs, 'event')[0];
  if (!event) throw new Error(`${file} has no event document`);
  const eventZone = event.timeZone as string;
  const days = (event.days as { date: string; access: string }[]).map(({ date, access }) => ({ date, access }));

  const sessions = publishedOfType(docs, 'session')
    .map((doc) => toSession(doc, eventZone))
    .sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime() || a.order - b.order)
    .map(({ session }) => session);

  const speakers = publishedOfType(docs, 'speaker').map((doc) => ({
    id: doc._id,
    slug: slugOf(doc),
    sessionIds: sessions.filter((s) => s.speakerIds.includes(doc._id)).map((s) => s.id),
  }));
  return { eventZone, days, sessions, speakers };
}

function toSession(doc: Doc, eventZone: string): { session: ExpectedSession; order: number } {
  const date = doc.date as string;
  const zone = (doc.timeZone as string | undefined) || eventZone;
  const participants = (doc.participants as { speaker?: { _ref: string } }[] | undefined) ?? [];
  const speakerIds = [...new Set(participants.flatMap((p) => (p.speaker ? [p.speaker._ref] : [])))];
  return {
    order: (doc.order as number | undefined) ?? 0,
    session: {
      id: doc._id,
      slug: slugOf(doc),
      date,
      start: doc.start as string,
      end: doc.end as string,
      zone,
      access: doc.access as ExpectedSession['access'],
      startsAt: wallClockToUtc(date, doc.start as string, zone),
      endsAt: wallClockToUtc(date, doc.end as string, zone),
      speakerIds,
    },
  };
}
