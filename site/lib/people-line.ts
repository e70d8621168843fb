import type { Session } from './content/model';

/** A named participant as a compact card shows them: name, page and institution acronym. */
export interface PersonOnLine {
  name: string;
  slug: string;
  acronym: string | null;
}

/**
 * Who takes part in a session, for a card's single people line: each named speaker once (a person
 * with two roles is still one name), in the session's order, and how many places are still to be
 * confirmed. Roles, positions and topics stay in the full participant list.
 * @example peopleLine(mesa1) // { named: [{ name: 'Rita Mishaan', slug: 'rita-mishaan', acronym: 'PIFCSS' }], toConfirm: 4 }
 */
export function peopleLine(session: Pick<Session, 'participants'>, exceptSpeakerId?: string): { named: PersonOnLine[]; toConfirm: number } {
  const seen = new Set<string>();
  const named: PersonOnLine[] = [];
  let toConfirm = 0;
  for (const p of session.participants) {
    const speaker = p.speaker;
    if (!speaker) {
      toConfirm++;
      continue;
    }
    if (speaker._id === exceptSpeakerId || seen.has(speaker._id)) continue;
    seen.add(speaker._id);
    named.push({ name: speaker.name, slug: speaker.slug, acronym: speaker.institution?.acronym ?? null });
  }
  return { named, toConfirm };
}
