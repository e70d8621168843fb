/**
 * What the shared rules read of a session, taken defensively from the unvalidated query result,
 * so that a session with a broken field still has its other fields checked.
 */
export function ruleView(item: unknown) {
  const v = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  const textOf = (x: unknown) => str((x as { text?: unknown } | null)?.text);
  return {
    _id: str(v._id) || '(sin _id)',
    title: textOf(v.title),
    date: str(v.date),
    start: str(v.start),
    end: str(v.end),
    timeZone: str(v.timeZone) || null,
    order: typeof v.order === 'number' ? v.order : null,
    endsNextDay: v.endsNextDay === true,
    access: v.access,
    language: v.language ?? null,
    languageSupport: (Array.isArray(v.languageSupport) ? v.languageSupport : []) as { kind?: unknown; language?: unknown; signLanguage?: unknown }[],
    channels: (Array.isArray(v.channels) ? v.channels : []).map((c) => ({
      language: (c as { language?: unknown } | null)?.language,
      url: str((c as { url?: unknown } | null)?.url),
    })),
    descriptionBlocks: (v.description as { blocks?: unknown } | null | undefined)?.blocks,
    links: (Array.isArray(v.links) ? v.links : []).map((l) => ({
      kind: str((l as { kind?: unknown } | null)?.kind),
      url: str((l as { url?: unknown } | null)?.url),
    })),
    // Recordings, Q&A and feedback (validation/followUp.ts).
    recordings: (Array.isArray(v.recordings) ? v.recordings : []) as { url?: unknown }[],
    qaUrl: v.qaUrl,
    feedbackUrl: v.feedbackUrl,
    participants: (Array.isArray(v.participants) ? v.participants : []).map((raw) => {
      const p = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const speakerRef = str(p.speakerRef);
      return {
        speaker: speakerRef || undefined,
        speakerRef,
        speakerFound: !!p.speaker,
        placeholder: textOf(p.placeholder) ? { es: textOf(p.placeholder) } : null,
        role: str(p.role),
      };
    }),
  };
}
