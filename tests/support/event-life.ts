import { writeFileSync } from 'node:fs';
import { type Doc, readNdjson } from './ndjson';

/**
 * A dataset for the event's life (issue #20), generated from the seed: the seed itself has no
 * recordings, Q&A or feedback links (the organisers wrote none), so the tests add them here. The
 * opening (public, Monday 26 October 2020, 09:00–09:20 in Guatemala = 15:00–15:20 UTC) gets a join
 * link, a Q&A room, a feedback form and three recordings: a YouTube watch address, a Vimeo page
 * (Portuguese audio) and a file on a host that is not in the video-host list.
 */
export const LIFE = {
  session: 'session-inauguracion',
  slug: 'inauguracion',
  next: 'session-introduccion',
  join: 'https://meet.example.org/inauguracion',
  registration: 'https://example.org/inscripcion',
  qa: 'https://qa.example.org/inauguracion',
  feedback: 'https://forms.example.org/inauguracion',
  youtube: { url: 'https://www.youtube.com/watch?v=AbCdEfGhIjK', embed: 'https://www.youtube-nocookie.com/embed/AbCdEfGhIjK' },
  vimeo: { url: 'https://vimeo.com/123456', embed: 'https://player.vimeo.com/video/123456' },
  unlisted: 'https://media.example.org/inauguracion.mp4',
  titles: { es: 'Grabación completa', en: 'Full recording', pt: 'Gravação completa' },
} as const;

/** Instants of each phase: a week before, five minutes into the opening, three days after the end. */
export const PHASE_NOW = {
  before: '2020-10-19T15:00:00Z',
  live: '2020-10-26T15:05:00Z',
  after: '2020-11-02T15:00:00Z',
} as const;

/** The seed with the opening's links and recordings, and the event's registration link. */
export function lifeDocuments(): Doc[] {
  return readNdjson().map((doc) => {
    const copy = structuredClone(doc) as Doc;
    if (doc._type === 'event') copy.links = [{ _key: 'r', _type: 'link', kind: 'registration', url: LIFE.registration }];
    if (doc._id === LIFE.session) {
      copy.links = [{ _key: 'j', _type: 'link', kind: 'join', url: LIFE.join }];
      copy.qaUrl = LIFE.qa;
      copy.feedbackUrl = LIFE.feedback;
      copy.recordings = [
        { _key: 'yt', _type: 'recording', url: LIFE.youtube.url, title: { _type: 'localeString', ...LIFE.titles } },
        { _key: 'vm', _type: 'recording', url: LIFE.vimeo.url, language: 'pt' },
        { _key: 'mp4', _type: 'recording', url: LIFE.unlisted, title: { _type: 'localeString', es: 'Archivo de vídeo' } },
      ];
    }
    return copy;
  });
}

/** Writes {@link lifeDocuments} (optionally changed) as an NDJSON export. */
export function writeLifeDataset(file: string, change: (docs: Doc[]) => Doc[] = (d) => d): void {
  writeFileSync(
    file,
    `${change(lifeDocuments())
      .map((d) => JSON.stringify(d))
      .join('\n')}\n`,
  );
}
