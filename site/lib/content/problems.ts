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

/**
 * The report printed when the build stops: one line per problem, grouped by document, each with
 * the Studio link when known. Content is printed as plain text with control characters removed,
 * so a hostile title cannot rewrite the terminal or the CI log.
 */
export function formatProblems(problems: ContentProblem[], source: string, studioUrl?: string): string {
  const lines = problems.map((p) => {
    const name = p.label ? ` "${clip(plain(p.label), 60)}"` : '';
    // Pseudo-ids such as "(dataset)" or "(sin _id)" name no document the Studio could open.
    const link = studioUrl && !p.documentId.startsWith('(') ? `\n      ${studioLink(studioUrl, p)}` : '';
    return `  - ${p.documentType} ${plain(p.documentId)}${name} · ${plain(p.field)}: ${plain(p.message)}${link}`;
  });
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return `The content from ${source} has ${count}; nothing was built:\n${lines.join('\n')}`;
}

/** One line of text without control characters (ANSI escapes, carriage returns, new lines). */
function plain(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
