/**
 * A content problem found at build time, named the way an editor can act on it: which document,
 * which field, what is wrong, and a link to that document in the Studio when its URL is known.
 */
export interface ContentProblem {
  documentId: string;
  documentType: string;
  label?: string | undefined;
  field: string;
  message: string;
}

export class ContentValidationError extends Error {
  override name = 'ContentValidationError';
  constructor(
    readonly problems: ContentProblem[],
    source: string,
    studioUrl?: string,
  ) {
    super(formatProblems(problems, source, studioUrl));
  }
}

/** Intent links open the document whatever the Studio's structure looks like. */
export function studioLink(studioUrl: string, problem: ContentProblem): string {
  const base = studioUrl.replace(/\/$/, '');
  return `${base}/intent/edit/id=${encodeURIComponent(problem.documentId)};type=${encodeURIComponent(problem.documentType)}/`;
}

export function formatProblems(problems: ContentProblem[], source: string, studioUrl?: string): string {
  const lines = problems.map((p) => {
    const name = p.label ? ` "${p.label}"` : '';
    const link = studioUrl ? `\n      ${studioLink(studioUrl, p)}` : '';
    return `  - ${p.documentType} ${p.documentId}${name} · ${p.field}: ${p.message}${link}`;
  });
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return `The content from ${source} has ${count}; nothing was built:\n${lines.join('\n')}`;
}
