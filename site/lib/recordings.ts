import type { Lang } from '../../content-models/routes';
import { t } from '../i18n';
import type { Recording } from './content/model';
import { languageNames } from './intl-memo';

/**
 * What a recording is called on pages, in calendars and schedule.json: the organisers' title, else
 * "Recording", with the language of its audio when they gave one.
 * @example recordingTitle({ title: null, language: 'pt' }, 'en') // 'Recording (Portuguese)'
 */
export function recordingTitle(recording: Pick<Recording, 'title' | 'language'>, lang: Lang): string {
  const title = recording.title?.text ?? t(lang, 'link.recording');
  if (!recording.language) return title;
  return `${title} (${languageNames(lang).of(recording.language) ?? recording.language})`;
}

/**
 * The video service a player comes from, as readers know it, for the note beside the play button.
 * @example playerHostName('https://player.vimeo.com/video/1') // 'Vimeo'
 */
export function playerHostName(embedUrl: string): string {
  const host = new URL(embedUrl).hostname;
  return host.includes('youtube') ? 'YouTube' : host.includes('vimeo') ? 'Vimeo' : host;
}
