/**
 * The read model: what pages, feeds and calendars receive, after the content has been checked
 * (check.ts) and derived (derive.ts). Everything a view needs is here already resolved — the
 * speaker behind each participant, the links a session may show, its day's access, the zones to
 * show — so views and output modules only format.
 */
import type { Lang } from '../../../content-models/locales';
import type {
  Localised,
  LocalisedBlocks,
  ParticipantRole,
  RawConceptNote,
  RawEvent,
  RawInstitution,
  RawLink,
  RawRecording,
  RawSession,
  RawSpeaker,
} from '../../../content-models/result';
import type { RawAsyncActivity, RawProduct, RawProducts, RawReport } from '../../../content-models/result-archive';
import type { LinkedFile, Material } from '../materials';
import type { Photo } from '../photos';

export type { Localised, LocalisedBlocks, ParticipantRole, RawInstitution, RawLink };

/** A speaker as a participant sees them: everything but their list of sessions; the photo only when the page may show it. */
export type SpeakerProfile = Omit<RawSpeaker, 'photo'> & { photo: Photo | null };

/** One person (or placeholder still to be confirmed) in a session, with their speaker resolved. */
export interface Participant extends Omit<RawSession['participants'][number], 'speaker'> {
  /** The published speaker, with position and institution; null for a placeholder. */
  speaker: SpeakerProfile | null;
}

/** A recording with the player address a session page may frame (hosting/video-hosts.ts), or null: a link then. */
export interface Recording extends RawRecording {
  embedUrl: string | null;
}

export interface Session extends Omit<RawSession, 'timeZone' | 'order' | 'participants' | 'materials' | 'recordings'> {
  timeZone: string;
  order: number;
  startsAt: Date;
  endsAt: Date;
  /** Ids of the sessions of the same day whose time intersects this one's. */
  concurrentWith: string[];
  /** Id of the next session of the same day that starts when this one has ended, if any. */
  nextId: string | null;
  /** The access of the session's day, from the event's days. */
  dayAccess: 'public' | 'participants';
  participants: Participant[];
  /** The links the public site may show for this session (see links.ts): own, then the event's. */
  shownLinks: RawLink[];
  /** Where to join live (a join link, else a stream), when the session may show one. */
  liveUrl: string | null;
  /** Issue #20: its files and addresses, each as the page links it (materials.ts). */
  materials: Material[];
  recordings: Recording[];
}

export interface Day {
  date: string;
  access: 'public' | 'participants';
  title: Localised | null;
  /** The organisers' "how to join" text for the day, when they wrote one. */
  joinInfo: Localised | null;
  sessions: Session[];
  startsAt: Date | null;
  endsAt: Date | null;
}

export interface SpeakerSession {
  session: Session;
  roles: ParticipantRole[];
  topics: Localised[];
}

export interface Speaker extends SpeakerProfile {
  sessions: SpeakerSession[];
}

export interface Site {
  lang: Lang;
  event: RawEvent;
  /** The event's short name, or its name: what headers, calendars and share cards call it. */
  name: string;
  /** The zones shown beside every time: the event's reference zone first, then its secondary zones. */
  zones: string[];
  /** The event's registration and live links, offered on the home page when a day is public. */
  publicLinks: RawLink[];
  days: Day[];
  sessions: Session[];
  speakers: Speaker[];
  institutions: RawInstitution[];
  conceptNote: RawConceptNote;
  /** Issue #20: the report's text in this language (or Spanish), null until it is written. */
  report: LocalisedBlocks | null;
  /** Issue #20: the workshop's products, in the organisers' order. */
  products: Product[];
  /** Issue #20: the asynchronous activities, each with its place in the programme. */
  asyncActivities: AsyncActivity[];
  /** True in the draft preview (`npm run preview:drafts`): the content includes unpublished drafts. */
  preview: boolean;
}

// Issue #20: what the event leaves behind.

/** The report, products and asynchronous activities as check-archive.ts passes them on. */
export interface ArchiveContent {
  report: RawReport;
  products: RawProducts;
  asyncActivities: RawAsyncActivity[];
}

/** A product of the workshop, with its file as the page may link it. */
export interface Product extends Omit<RawProduct, 'file' | 'url'> {
  file: LinkedFile | null;
}

export interface AsyncActivity extends RawAsyncActivity {
  /** The event day the programme lists it after; null: before the first day. */
  slot: string | null;
}

/** The parts of the content that passed every check, as check.ts hands them to derive.ts. */
export interface CheckedContent extends ArchiveContent {
  event: RawEvent;
  sessions: RawSession[];
  speakers: RawSpeaker[];
  conceptNote: RawConceptNote;
}
