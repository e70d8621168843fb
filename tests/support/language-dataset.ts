import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readNdjson } from './ndjson';

/**
 * The seed with interpretation, captions, sign language and channels per language added (issue
 * 20). The seed itself has none: these are the test's own, written here as the oracle the build
 * and browser tests compare the site with. One channel label is hostile, to prove it is escaped.
 */
export const HOSTILE_LABEL = '<script>alert(1)</script> Canal "PT" & <b>más</b>';
export const CONTACT = 'mailto:accesibilidad@example.org';

type Support = { kind: 'interpretation' | 'captions'; language: string } | { kind: 'signLanguage'; signLanguage: string };
interface Plan {
  language: string;
  support: Support[];
  channels?: { language: string; url: string; label?: string }[];
}

/** Per session id: the floor language, its support and channels. Sessions not listed stay Spanish only. */
export const languagePlan: Record<string, Plan> = {
  'session-inauguracion': {
    language: 'es',
    support: [
      { kind: 'interpretation', language: 'pt' },
      { kind: 'captions', language: 'es' },
      { kind: 'signLanguage', signLanguage: 'bzs' },
    ],
    channels: [
      { language: 'es', url: 'https://zoom.example.org/j/1?lang=es' },
      { language: 'pt', url: 'https://zoom.example.org/j/1?lang=pt', label: HOSTILE_LABEL },
    ],
  },
  'session-introduccion': {
    language: 'es',
    support: [
      { kind: 'interpretation', language: 'en' },
      { kind: 'signLanguage', signLanguage: 'mfs' },
    ],
    channels: [{ language: 'en', url: 'https://stream.example.org/intro-en' }],
  },
  'session-mesa-de-reflexion-1': { language: 'pt', support: [{ kind: 'interpretation', language: 'es' }] },
  'session-mesa-de-reflexion-2': { language: 'es', support: [{ kind: 'captions', language: 'es' }] },
  // Participants only: interpretation, but its channel goes out by e-mail.
  'session-espacio-interactivo-1': { language: 'es', support: [{ kind: 'interpretation', language: 'pt' }] },
};

/** The ids of the sessions a filter keeps, from the plan (every other session is Spanish only). */
export function sessionsMatching(allIds: readonly string[], test: (plan: Plan) => boolean): string[] {
  return allIds.filter((id) => test(languagePlan[id] ?? { language: 'es', support: [] }));
}

export const followableIn = (code: string) => (p: Plan) => p.language === code || p.support.some((s) => s.kind === 'interpretation' && s.language === code);
export const offers = (kind: 'captions' | 'signLanguage') => (p: Plan) => p.support.some((s) => s.kind === kind);

/** Writes the dataset to `dir/data.ndjson` and returns its path; `change` may alter any document last. */
export function writeLanguageDataset(dir: string, change: (doc: Record<string, unknown>) => void = () => {}): string {
  const docs = readNdjson().map((doc) => {
    const copy = structuredClone(doc) as Record<string, unknown>;
    if (doc._type === 'event') copy.accessibilityContact = CONTACT;
    const plan = languagePlan[doc._id];
    if (plan) {
      copy.language = plan.language;
      copy.languageSupport = plan.support.map((s, i) => ({ _type: 'languageSupport', _key: `ls${i}`, ...s }));
      if (plan.channels) {
        copy.channels = plan.channels.map((c, i) => ({
          _type: 'languageChannel',
          _key: `ch${i}`,
          language: c.language,
          url: c.url,
          ...(c.label ? { label: { _type: 'localeString', es: c.label } } : {}),
        }));
      }
    }
    change(copy);
    return copy;
  });
  const file = path.join(dir, 'data.ndjson');
  writeFileSync(file, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
  return file;
}
