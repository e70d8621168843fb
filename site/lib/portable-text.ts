import { escapeHTML, type PortableTextHtmlComponents, toHTML } from '@portabletext/to-html';
import { isSafeHref } from '../../content-models/validation/links';

/**
 * The only place Portable Text becomes HTML. Text is always escaped by the library; what we add is
 * equally closed: links render only for `https:`/`mailto:` hrefs (anything else becomes plain text),
 * unknown block types render nothing, unknown marks keep their text, unknown styles become `<p>`.
 * Headings start at `headingLevel` so a block's h3/h4 sit under the page's own heading levels.
 */
export interface RenderOptions {
  /** Level that the editor's first heading style (h3) maps to. */
  headingLevel?: 2 | 3 | 4;
}

export function renderPortableText(blocks: unknown, options: RenderOptions = {}): string {
  if (!Array.isArray(blocks) || blocks.length === 0) return '';
  const base = options.headingLevel ?? 3;
  const heading = (offset: number) => ({ children }: { children?: string }) => {
    const level = Math.min(6, base + offset);
    return `<h${level}>${children ?? ''}</h${level}>`;
  };
  const components: Partial<PortableTextHtmlComponents> = {
    block: {
      normal: ({ children }) => `<p>${children ?? ''}</p>`,
      h2: heading(0),
      h3: heading(0),
      h4: heading(1),
      blockquote: ({ children }) => `<blockquote><p>${children ?? ''}</p></blockquote>`,
    },
    list: {
      bullet: ({ children }) => `<ul>${children ?? ''}</ul>`,
      number: ({ children }) => `<ol>${children ?? ''}</ol>`,
    },
    listItem: ({ children }) => `<li>${children ?? ''}</li>`,
    marks: {
      strong: ({ children }) => `<strong>${children}</strong>`,
      em: ({ children }) => `<em>${children}</em>`,
      link: ({ children, value }) => {
        const href = typeof (value as { href?: unknown })?.href === 'string' ? (value as { href: string }).href : '';
        return isSafeHref(href) ? `<a href="${escapeHTML(href)}">${children}</a>` : children;
      },
    },
    types: {},
    hardBreak: () => '<br>',
    unknownType: () => '',
    unknownMark: ({ children }) => children,
    unknownBlockStyle: ({ children }) => `<p>${children ?? ''}</p>`,
    unknownList: ({ children }) => `<ul>${children ?? ''}</ul>`,
    unknownListItem: ({ children }) => `<li>${children ?? ''}</li>`,
  };
  return toHTML(sanitiseBlocks(blocks), { components, onMissingComponent: false });
}

/**
 * Drops nodes the renderer cannot treat as Portable Text (non-objects, blocks without children
 * arrays, spans whose text is not a string), so hostile or broken input degrades to less text
 * instead of crashing the build or reaching the page raw.
 */
function sanitiseBlocks(blocks: unknown[]): { _type: string }[] {
  const out: { _type: string }[] = [];
  for (const node of blocks) {
    if (!node || typeof node !== 'object' || typeof (node as { _type?: unknown })._type !== 'string') continue;
    const block = node as { _type: string; children?: unknown; markDefs?: unknown; style?: unknown; listItem?: unknown; level?: unknown };
    if (block._type !== 'block') {
      out.push({ _type: block._type });
      continue;
    }
    const children = Array.isArray(block.children)
      ? block.children.flatMap((child) => {
          const c = child as { _type?: unknown; text?: unknown; marks?: unknown; _key?: unknown };
          if (!c || c._type !== 'span' || typeof c.text !== 'string') return [];
          const marks = Array.isArray(c.marks) ? c.marks.filter((m): m is string => typeof m === 'string') : [];
          return [{ _type: 'span', _key: typeof c._key === 'string' ? c._key : undefined, text: c.text, marks }];
        })
      : [];
    const markDefs = Array.isArray(block.markDefs)
      ? block.markDefs.filter((d): d is { _key: string; _type: string } => !!d && typeof d === 'object' && typeof (d as { _key?: unknown })._key === 'string' && typeof (d as { _type?: unknown })._type === 'string')
      : [];
    out.push({
      ...block,
      style: typeof block.style === 'string' ? block.style : 'normal',
      listItem: typeof block.listItem === 'string' ? block.listItem : undefined,
      level: typeof block.level === 'number' && block.level >= 1 && block.level <= 6 ? Math.floor(block.level) : undefined,
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
      const children = (b as { children?: unknown })?.children;
      return Array.isArray(children) ? children.map((c) => (typeof c?.text === 'string' ? c.text : '')).join('') : '';
    })
    .filter(Boolean)
    .join('\n');
}
