/**
 * Derives the read model (model.ts) from checked content: instants from wall-clock times, the
 * programme's order and days, concurrency, each participant's speaker, each speaker's sessions, and
 * the links each session may show. Pages and output files read only what this produces.
 */
import type { Lang } from '../../../content-models/locales';
import type { RawSpeaker } from '../../../content-models/result';
import { resolveWallClock } from '../../../content-models/time';
import { isSafeHref } from '../../../content-models/validation/links';
import { sessionEndDate } from '../../../content-models/validation/sessionTiming';
import { embedUrlOf } from '../hosting/video-hosts';
import { type Photo, usablePhoto } from '../photos';
import { deriveArchive, sessionMaterials } from './derive-archive';
import { eventPublicLinks, liveUrlOf, sessionShownChannels, sessionShownLinks } from './links';
import type { CheckedContent, Day, RawInstitution, Session, Site, Speaker, SpeakerProfile } from './model';

export interface DeriveOptions {
  /** Where non-blocking notes go (a photo or a link the page will not show). */
  warn: (message: string) => void;
  /** The content includes drafts (the preview): pages then say so. */
  preview: boolean;
  /** Folder that an exported dataset's local asset files are relative to (see ContentSource). */
  assetDir?: string | undefined;
}

/** The whole site in one language, from content that passed check.ts. */
export function deriveSite(content: CheckedContent, lang: Lang, { warn, preview, assetDir }: DeriveOptions): Site {
  const { event, conceptNote } = content;
  reportDroppedLinks(content, warn);
  const profiles = new Map<string, SpeakerProfile>(content.speakers.map((raw) => [raw._id, { ...raw, photo: photoOf(raw, assetDir, warn) }]));
  const dayAccess = new Map(event.days.map((d) => [d.date, d.access]));

  const sessions: Session[] = content.sessions.map((raw) => {
    const timeZone = raw.timeZone || event.timeZone;
    // check.ts guarantees both resolve.
    const start = resolveWallClock(raw.date, raw.start, timeZone);
    const end = resolveWallClock(sessionEndDate(raw), raw.end, timeZone);
    if (!start.ok || !end.ok) throw new Error(`unreachable: ${raw._id} passed validation with unresolvable times`);
    const access = dayAccess.get(raw.date) ?? 'participants';
    const shownLinks = sessionShownLinks(raw, access, event.links);
    return {
      ...raw,
      timeZone,
      order: raw.order ?? 0,
      startsAt: start.instant,
      endsAt: end.instant,
      concurrentWith: [],
      nextId: null,
      dayAccess: access,
      participants: raw.participants.map((p) => ({ ...p, speaker: p.speaker ? (profiles.get(p.speaker._id) ?? null) : null })),
      shownLinks,
      liveUrl: liveUrlOf(shownLinks),
      materials: sessionMaterials(raw, assetDir),
      channels: sessionShownChannels(raw, access),
      recordings: raw.recordings.map((r) => ({ ...r, embedUrl: embedUrlOf(r.url) })),
    };
  });
  sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.order - b.order || a.endsAt.getTime() - b.endsAt.getTime());
  for (const [i, s] of sessions.entries()) {
    s.concurrentWith = sessions.filter((o) => o !== s && o.date === s.date && o.startsAt < s.endsAt && s.startsAt < o.endsAt).map((o) => o._id);
    s.nextId = sessions.slice(i + 1).find((o) => o.date === s.date && o.startsAt >= s.endsAt)?._id ?? null;
  }

  const days: Day[] = [...event.days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => {
      const daySessions = sessions.filter((s) => s.date === d.date);
      return {
        date: d.date,
        access: d.access,
        title: d.title,
        joinInfo: d.joinInfo,
        sessions: daySessions,
        startsAt: daySessions[0]?.startsAt ?? null,
        endsAt: daySessions.length ? new Date(Math.max(...daySessions.map((s) => s.endsAt.getTime()))) : null,
      };
    });

  const speakers: Speaker[] = [...profiles.values()].map((profile) => ({
    ...profile,
    sessions: sessions
      .filter((s) => s.participants.some((p) => p.speaker?._id === profile._id))
      .map((session) => {
        const mine = session.participants.filter((p) => p.speaker?._id === profile._id);
        return { session, roles: [...new Set(mine.map((p) => p.role))], topics: mine.flatMap((p) => (p.topic ? [p.topic] : [])) };
      }),
  }));

  const institutions = new Map<string, RawInstitution>();
  for (const i of [event.organizer, ...content.speakers.map((s) => s.institution)]) if (i) institutions.set(i._id, i);

  return {
    lang,
    event,
    name: event.shortName?.text ?? event.name.text,
    zones: eventZones(event),
    publicLinks: event.days.some((d) => d.access === 'public') ? eventPublicLinks(event.links) : [],
    days,
    sessions,
    speakers,
    institutions: [...institutions.values()],
    conceptNote,
    ...deriveArchive(
      content,
      event.days.map((d) => d.date),
      assetDir,
    ),
    preview,
  };
}

/** The zones shown beside every time: the event's reference zone first, then its secondary zones, once each. */
export function eventZones(event: { timeZone: string; secondaryTimeZones: readonly string[] }): string[] {
  return [...new Set([event.timeZone, ...event.secondaryTimeZones])];
}

/** A speaker's photo when the page may show it (see photos.ts); otherwise null, and the page shows initials. */
function photoOf(speaker: RawSpeaker, assetDir: string | undefined, warn: (message: string) => void): Photo | null {
  const { photo, problem } = usablePhoto(speaker.photo, assetDir);
  if (problem) warn(`speaker ${speaker._id} "${speaker.name}": ${problem}, so the page shows initials instead.`);
  return photo;
}

/** Links in Portable Text that the renderer will show as plain text: worth a note, not a failed build. */
function reportDroppedLinks({ sessions, speakers, conceptNote, report, products }: CheckedContent, warn: (message: string) => void) {
  const visit = (blocks: unknown[] | undefined, where: string) => {
    for (const block of blocks ?? []) {
      const defs = (block as { markDefs?: unknown }).markDefs;
      if (!Array.isArray(defs)) continue;
      for (const def of defs) {
        const href = (def as { _type?: unknown; href?: unknown } | null)?._type === 'link' ? (def as { href?: unknown }).href : undefined;
        if (href !== undefined && !(typeof href === 'string' && isSafeHref(href))) {
          warn(`${where}: the link ${JSON.stringify(String(href).slice(0, 80))} is not https: or mailto:, so it is shown as plain text.`);
        }
      }
    }
  };
  for (const s of sessions) visit(s.description?.blocks, `session ${s._id} · description`);
  for (const s of speakers) visit(s.bio?.blocks, `speaker ${s._id} · bio`);
  for (const [i, section] of conceptNote.sections.entries()) visit(section.body?.blocks, `conceptNote ${conceptNote._id} · sections[${i}].body`);
  if (report) visit(report.body?.blocks, `report ${report._id} · body`);
  for (const [i, p] of (products?.items ?? []).entries()) visit(p.body?.blocks, `workshopProducts ${products?._id} · items[${i}].body`);
}
