import { escapeHTML, type PortableTextHtmlComponents, toHTML } from '@portabletext/to-html';
import { isSafeHref } from '../../content-models/validation/links';
import { isPrivateTextLink } from '../../content-models/validation/privateLinks';

/**
 * The only place Portable Text becomes HTML, and a closed one: whatever the content holds, the
 * output has only `p`, `h2`–`h6`, `ul`, `ol`, `li`, `strong`, `em`, `a href`, `blockquote` and
 * `br`, and every `href` is an `https:` or `mailto:` address that passes `isSafeHref`.
 *
 * - Text is escaped by the library (`&<>"'`).
 * - Links render only for safe hrefs; anything else (`javascript:`, `data:`, relative) keeps its
 *   text and loses the link. With `privateLinks`, so does a way into a private session (a meeting
 *   service or one of the event's join/stream addresses: `isPrivateTextLink`, the Studio's rule).
 * - Headings start at `headingLevel`, so an editor's h3/h4 sit under the page's own headings; an
 *   unknown style becomes a paragraph.
 * - Marks other than `strong`, `em` and link annotations keep their text without markup (the
 *   library's defaults for `code`, `underline` and `strike-through` are replaced: `underline`
 *   would emit a style attribute that the Content-Security-Policy refuses).
 * - Block types other than `block` (images, embeds, anything unknown) render nothing.
 *
 * @example
 * renderPortableText([{ _type: 'block', style: 'h3', children: [{ _type: 'span', text: 'Objetivo' }] }], { headingLevel: 2 });
 * // '<h2>Objetivo</h2>'
 */
export interface RenderOptions {
  /** Level that the editor's first heading style (h3) maps to. Default 3. */
  headingLevel?: 2 | 3 | 4;
  /** For a session's text: whether it may show live links, and the addresses that are live links. */
  privateLinks?: { mayShowLive: boolean; liveUrls: readonly string[] } | undefined;
}

/** How many levels below `headingLevel` each heading style sits. */
const HEADING_OFFSETS: Record<string, number> = { h1: 0, h2: 0, h3: 0, h4: 1, h5: 2, h6: 3 };

export function renderPortableText(blocks: unknown, options: RenderOptions = {}): string {
  if (!Array.isArray(blocks) || blocks.length === 0) return '';
  const base = options.headingLevel ?? 3;
  const plainText = ({ children }: { children?: string }) => children ?? '';
  const components: Partial<PortableTextHtmlComponents> = {
    block: ({ value, children }) => {
      const style = typeof value.style === 'string' ? value.style : 'normal';
      const offset = Object.hasOwn(HEADING_OFFSETS, style) ? HEADING_OFFSETS[style] : undefined;
      if (offset !== undefined) {
        const level = Math.min(6, base + offset);
        return `<h${level}>${children ?? ''}</h${level}>`;
      }
      if (style === 'blockquote') return `<blockquote><p>${children ?? ''}</p></blockquote>`;
      return `<p>${children ?? ''}</p>`;
    },
    list: ({ value, children }) => (value.listItem === 'number' ? `<ol>${children ?? ''}</ol>` : `<ul>${children ?? ''}</ul>`),
    listItem: ({ children }) => `<li>${children ?? ''}</li>`,
    marks: {
      strong: ({ children }) => `<strong>${children}</strong>`,
      em: ({ children }) => `<em>${children}</em>`,
      code: plainText,
      underline: plainText,
      'strike-through': plainText,
      link: ({ children, value }) => {
        const href = typeof (value as { href?: unknown } | undefined)?.href === 'string' ? (value as { href: string }).href : '';
        if (!isSafeHref(href) || (options.privateLinks && isPrivateTextLink(href, options.privateLinks))) return children;
        return `<a href="${escapeHTML(href)}">${children}</a>`;
      },
    },
    types: {},
    hardBreak: () => '<br>',
    unknownType: () => '',
    unknownMark: plainText,
    unknownBlockStyle: ({ children }) => `<p>${children ?? ''}</p>`,
    unknownList: ({ children }) => `<ul>${children ?? ''}</ul>`,
    unknownListItem: ({ children }) => `<li>${children ?? ''}</li>`,
  };
  return toHTML(sanitiseBlocks(blocks), { components, onMissingComponent: false });
}

/** Decorators the site renders; any other mark name keeps its text only. */
const DECORATORS = new Set(['strong', 'em']);

/**
 * Keeps only what the renderer can treat as Portable Text: text blocks with span children whose
 * text is a string, link annotations, known decorators, list levels 1–6. Everything else is
 * dropped here, so hostile or broken input degrades to less text instead of crashing the build,
 * reaching the page raw, or naming a prototype property (`constructor`, `__proto__`) that the
 * library would look up as a component.
 */
function sanitiseBlocks(blocks: unknown[]): { _type: string }[] {
  const out: { _type: string }[] = [];
  for (const node of blocks) {
    if (!node || typeof node !== 'object' || (node as { _type?: unknown })._type !== 'block') continue;
    const block = node as { _key?: unknown; children?: unknown; markDefs?: unknown; style?: unknown; listItem?: unknown; level?: unknown };
    const markDefs = (Array.isArray(block.markDefs) ? block.markDefs : []).flatMap((def) => {
      const d = def as { _key?: unknown; _type?: unknown; href?: unknown } | null;
      if (!d || typeof d !== 'object' || d._type !== 'link' || typeof d._key !== 'string' || DECORATORS.has(d._key)) return [];
      return [{ _key: d._key, _type: 'link', href: typeof d.href === 'string' ? d.href : '' }];
    });
    const annotations = new Set(markDefs.map((d) => d._key));
    const children = (Array.isArray(block.children) ? block.children : []).flatMap((child, index) => {
      const c = child as { _type?: unknown; text?: unknown; marks?: unknown; _key?: unknown } | null;
      if (!c || typeof c !== 'object' || c._type !== 'span' || typeof c.text !== 'string') return [];
      const marks = Array.isArray(c.marks) ? c.marks.filter((m): m is string => typeof m === 'string' && (DECORATORS.has(m) || annotations.has(m))) : [];
      return [{ _type: 'span', _key: typeof c._key === 'string' ? c._key : `span-${index}`, text: c.text, marks }];
    });
    const level = typeof block.level === 'number' && Number.isFinite(block.level) ? Math.min(6, Math.max(1, Math.floor(block.level))) : 1;
    out.push({
      _type: 'block',
      ...(typeof block._key === 'string' ? { _key: block._key } : {}),
      style: typeof block.style === 'string' ? block.style : 'normal',
      ...(typeof block.listItem === 'string' && block.listItem ? { listItem: block.listItem === 'number' ? 'number' : 'bullet', level } : {}),
      children,
      markDefs,
    } as { _type: string });
  }
  return out;
}

/** The plain text of Portable Text, for descriptions, calendars and feeds. */
export function portableTextToPlain(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  return blocks
    .map((b) => {
      if ((b as { _type?: unknown } | null)?._type !== 'block') return '';
      const children = (b as { children?: unknown }).children;
      return Array.isArray(children) ? children.map((c) => (typeof c?.text === 'string' && c?._type === 'span' ? c.text : '')).join('') : '';
    })
    .filter(Boolean)
    .join('\n');
}
