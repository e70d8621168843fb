import moment from 'moment-timezone';

/**
 * An independent time-zone oracle for the tests: moment-timezone's own packed copy of the IANA
 * database, read by its own code. The site converts through `Intl` (ICU's copy of the database,
 * content-models/time.ts); nothing here shares that path, so a wrong offset, day or time in what
 * the site writes cannot be confirmed by the same mistake. Formatting conventions (`UTC−6`,
 * `H:mm`) are re-implemented here from the documented rules, not imported.
 */

/** A wall-clock reading of an instant in a zone, by the oracle. */
export interface OracleWall {
  /** `YYYY-MM-DD`. */
  date: string;
  hours: number;
  minutes: number;
  /** Minutes east of UTC. */
  offset: number;
}

/**
 * The wall-clock date, time and offset of an instant in a zone.
 * @example oracleWall(new Date('2020-11-01T05:15:00Z'), 'America/Havana') // { date: '2020-11-01', hours: 0, minutes: 15, offset: -300 }
 */
export function oracleWall(instant: Date, zone: string): OracleWall {
  requireZone(zone);
  const m = moment.tz(instant.getTime(), zone);
  return { date: m.format('YYYY-MM-DD'), hours: m.hours(), minutes: m.minutes(), offset: m.utcOffset() };
}

/**
 * The instant a wall-clock time names in a zone, the first occurrence of a repeated one.
 * @example oracleInstant('2020-10-26', '09:00', 'America/Guatemala').toISOString() // '2020-10-26T15:00:00.000Z'
 */
export function oracleInstant(date: string, time: string, zone: string): Date {
  requireZone(zone);
  const m = moment.tz(`${date} ${time.padStart(5, '0')}`, 'YYYY-MM-DD HH:mm', true, zone);
  if (!m.isValid()) throw new Error(`oracle: ${date} ${time} is not a valid wall-clock time`);
  return m.toDate();
}

/** `UTC−6`, `UTC+5:45`, `UTC+0`: the site's offset label, written from the oracle's minutes. */
export function offsetLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '\u2212' : '+';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** `-06:00`: ISO 8601's offset. */
export function isoOffset(offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A clock time as the site's text reads: `9:00` or `09:00` both mean hours 9, minutes 0. */
export function sameClock(text: string, wall: OracleWall): boolean {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  return !!match && Number(match[1]) === wall.hours && Number(match[2]) === wall.minutes;
}

/**
 * The instants at which a zone's offset changes between two instants, from the oracle's table.
 * @example oracleTransitions('Europe/Madrid', Date.UTC(2020, 0), Date.UTC(2021, 0)).length // 2
 */
export function oracleTransitions(zone: string, fromMs: number, toMs: number): Date[] {
  const data = requireZone(zone);
  const out: Date[] = [];
  for (let i = 0; i < data.untils.length - 1; i++) {
    const at = data.untils[i]!;
    // Entries with the same offset on both sides are abbreviation changes only, not transitions.
    if (at >= fromMs && at < toMs && data.offsets[i] !== data.offsets[i + 1]) out.push(new Date(at));
  }
  return out;
}

/** The oracle's data version, for the report. */
export const oracleVersion = moment.tz.dataVersion;

function requireZone(zone: string) {
  const data = moment.tz.zone(zone);
  if (!data) throw new Error(`oracle: no zone ${zone}`);
  return data;
}
