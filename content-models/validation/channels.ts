import { isSessionLanguage, type SessionLanguage } from './languages';
import { isSafeHref } from './links';
import { mayShowLiveLinks } from './privateLinks';
import type { RuleIssue } from './types';

/**
 * A session's channels per language (`session.channels`): where to listen in the floor language or
 * in an interpretation, e.g. a Zoom interpretation channel or a separate stream. A channel is a way
 * into the live session, so it follows the join-link rule: none on a participants-only session or
 * day (the public site would show it to anyone; registered participants get it by e-mail).
 */
export interface ChannelInput {
  language?: unknown;
  url?: unknown;
}

const names: Record<SessionLanguage, string> = { es: 'español', pt: 'portugués', en: 'inglés' };

/**
 * Paths are relative to the session: `channels[0].url`.
 * @example
 * checkSessionChannels({ access: 'public', language: 'es', languageSupport: [] }, { access: 'public' }, [{ language: 'pt', url: 'https://zoom.us/j/1' }]);
 * // [{ level: 'error', path: 'channels[0].language', message: 'La sesión es en español y no tiene interpretación al portugués…' }]
 */
export function checkSessionChannels(
  session: { access: unknown; language: unknown; languageSupport: readonly { kind?: unknown; language?: unknown }[] },
  day: { access?: unknown } | undefined,
  channels: readonly ChannelInput[],
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const interpreted = new Set(session.languageSupport.filter((s) => s.kind === 'interpretation').map((s) => s.language));
  const isPrivate = !mayShowLiveLinks(session.access, day?.access ?? session.access);
  const seen = new Set<unknown>();
  channels.forEach((channel, i) => {
    const path = `channels[${i}]`;
    const url = typeof channel.url === 'string' ? channel.url : '';
    if (!isSafeHref(url) || !/^https:/iu.test(url)) {
      issues.push({
        level: 'error',
        path: `${path}.url`,
        message: `La dirección del canal «${url}» no vale: pega la dirección completa de la sala o la transmisión, que empiece por https://.`,
      });
    }
    if (isPrivate) {
      issues.push({
        level: 'error',
        path: `${path}.url`,
        message:
          'Esta sesión (o su día) es solo para participantes inscritos, y un canal de idioma es una forma de entrar: el sitio es público y ' +
          'cualquiera lo vería. Quita el canal (los inscritos lo reciben por correo) o, si la sesión es abierta, cambia el acceso a «Público».',
      });
    }
    if (!isSessionLanguage(channel.language)) {
      issues.push({ level: 'error', path: `${path}.language`, message: 'Elige el idioma del canal (español, portugués o inglés).' });
      return;
    }
    if (isSessionLanguage(session.language) && channel.language !== session.language && !interpreted.has(channel.language)) {
      issues.push({
        level: 'error',
        path: `${path}.language`,
        message:
          `La sesión es en ${names[session.language]} y no tiene interpretación al ${names[channel.language]}: ` +
          'añade esa interpretación en «Interpretación, subtítulos y lengua de señas» o elige el idioma de la sesión.',
      });
    }
    if (seen.has(channel.language)) issues.push({ level: 'warning', path, message: 'Ya hay un canal en este idioma; borra uno de los dos.' });
    seen.add(channel.language);
  });
  return issues;
}
