import { addAttribute, escapeHTML } from 'astro/runtime/server/index.js';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isSafeHref } from '../../content-models/validation/links';
import { portableTextToPlain, renderPortableText } from '../../site/lib/portable-text';

/** Strings that have broken HTML sanitisers somewhere; each must come out as inert text. */
const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)></iframe>",
  '</p></div><!--',
  '<!--<script>alert(1)//-->',
  '<style>*{display:none}</style>',
  '<a href="javascript:alert(1)">x</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<svg><script>alert&#40;1&#41;</script>',
  '<![CDATA[<script>alert(1)</script>]]>',
  '&lt;script&gt;',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, on purpose.
  '${alert(1)} {{constructor.constructor("alert(1)")()}}',
  'javascript:alert(1)',
  ' JAVASCRIPT:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '\u2028\u2029\u0000\ufeff',
  'constructor',
  '__proto__',
  'toString',
];

/** Hrefs to try as link annotations: hostile, odd, and a few that must stay links. */
const HREFS = [
  ...XSS_PAYLOADS,
  'https://example.org/',
  'https://example.org/a?b=1&c="><script>alert(1)</script>',
  'https://example.org/ok"onmouseover="alert(1)',
  'mailto:comunicacion@example.org',
  'http://example.org/',
  '//evil.example/',
  '/relative',
  '#fragment',
  'https:evil.example',
  'https://user:pass@example.org/',
  'HTTPS://EXAMPLE.ORG/',
];

const ALLOWED_ELEMENTS = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'A', 'BLOCKQUOTE', 'BR']);

/** Every element, attribute and comment the HTML parses to, inside a body. */
function parse(html: string) {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const elements = [...document.body.querySelectorAll('*')];
  const walker = document.createTreeWalker(document.body, 128 /* NodeFilter.SHOW_COMMENT */);
  let comments = 0;
  while (walker.nextNode()) comments++;
  return { document, elements, comments, text: document.body.textContent ?? '' };
}

/** Asserts the closed output contract of renderPortableText. */
function expectClosedHtml(html: string) {
  const { elements, comments } = parse(html);
  expect(comments, html).toBe(0);
  for (const element of elements) {
    expect(ALLOWED_ELEMENTS.has(element.tagName), `<${element.tagName}> in ${html}`).toBe(true);
    const names = [...element.attributes].map((a) => a.name);
    if (element.tagName === 'A') {
      expect(names, html).toEqual(['href']);
      const href = element.getAttribute('href') ?? '';
      expect(/^(https:\/\/|mailto:)/i.test(href) && isSafeHref(href), `href ${href}`).toBe(true);
    } else {
      expect(names, `${element.tagName} attributes in ${html}`).toEqual([]);
    }
  }
}

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom(...XSS_PAYLOADS));
const markName = fc.oneof(fc.constantFrom('strong', 'em', 'code', 'underline', 'strike-through', 'l1', 'l2', 'constructor', '__proto__'), fc.string());
const span = fc.record({ _type: fc.constant('span'), _key: fc.string(), text, marks: fc.array(markName, { maxLength: 4 }) });
const markDef = fc.record({
  _type: fc.oneof(fc.constant('link'), fc.constantFrom(...XSS_PAYLOADS)),
  _key: fc.oneof(fc.constantFrom('l1', 'l2', 'strong', 'constructor'), fc.string()),
  href: fc.oneof(fc.constantFrom(...HREFS), fc.webUrl(), fc.string(), fc.constant(undefined)),
});
const block = fc.record(
  {
    _type: fc.constant('block'),
    _key: fc.string(),
    style: fc.oneof(fc.constantFrom('normal', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote'), fc.constantFrom(...XSS_PAYLOADS), fc.string()),
    listItem: fc.oneof(fc.constant(undefined), fc.constantFrom('bullet', 'number'), fc.constantFrom(...XSS_PAYLOADS)),
    level: fc.oneof(fc.constant(undefined), fc.integer({ min: -3, max: 12 }), fc.double()),
    markDefs: fc.array(markDef, { maxLength: 3 }),
    children: fc.array(fc.oneof({ weight: 5, arbitrary: span }, { weight: 1, arbitrary: fc.anything() }), { maxLength: 5 }),
  },
  { requiredKeys: ['_type', 'children'] },
);
const node = fc.oneof(
  { weight: 8, arbitrary: block },
  { weight: 1, arbitrary: fc.anything() },
  { weight: 1, arbitrary: fc.record({ _type: fc.constantFrom('image', 'code', 'constructor', '__proto__'), value: text }) },
);

describe('renderPortableText, for any input', () => {
  it('emits only the allowed elements, no attribute but a safe href, and no comments', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 8 }), fc.constantFrom(2 as const, 3 as const, 4 as const), (blocks, headingLevel) => {
        expectClosedHtml(renderPortableText(blocks, { headingLevel }));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps span text as text, character for character', () => {
    fc.assert(
      fc.property(text, (value) => {
        const html = renderPortableText([{ _type: 'block', style: 'normal', markDefs: [], children: [{ _type: 'span', text: value, marks: ['strong'] }] }]);
        expectClosedHtml(html);
        // The library writes runs of spaces as &nbsp; and line breaks as <br>.
        const normalise = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\n/g, '');
        expect(normalise(parse(html).text)).toBe(normalise(value));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on values that are not Portable Text', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expectClosedHtml(renderPortableText(value));
      }),
    );
  });
});

describe("the site's text escaping (Astro expressions and attributes)", () => {
  it('turns any string into the same text inside an element', () => {
    fc.assert(
      fc.property(text, (value) => {
        const { elements, text: out, comments } = parse(`<p>${String(escapeHTML(value))}</p>`);
        expect(elements.map((e) => e.tagName)).toEqual(['P']);
        expect(comments).toBe(0);
        // Parsers normalise line endings (and browsers turn NUL into U+FFFD); the text is otherwise identical.
        const normalise = (s: string) => s.replace(/\r\n?/g, '\n').replaceAll('\u0000', '').replaceAll('\ufffd', '');
        expect(normalise(out)).toBe(normalise(value));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps any string inside its attribute', () => {
    fc.assert(
      fc.property(text, (value) => {
        const { elements } = parse(`<span${String(addAttribute(value, 'title'))}>x</span>`);
        expect(elements).toHaveLength(1);
        expect([...(elements[0]?.attributes ?? [])].map((a) => a.name)).toEqual(['title']);
      }),
      { numRuns: 300 },
    );
  });
});

/** A one-span text block. */
function b(style: string, value: string, extra: Record<string, unknown> = {}) {
  return { _type: 'block', _key: value, style, markDefs: [], children: [{ _type: 'span', _key: `${value}-s`, text: value, marks: [] }], ...extra };
}

describe('renderPortableText serializers', () => {
  it('maps heading styles below the page heading level', () => {
    const blocks = [b('h3', 'tres'), b('h4', 'cuatro')];
    expect(renderPortableText(blocks)).toBe('<h3>tres</h3><h4>cuatro</h4>');
    expect(renderPortableText(blocks, { headingLevel: 2 })).toBe('<h2>tres</h2><h3>cuatro</h3>');
    expect(renderPortableText(blocks, { headingLevel: 4 })).toBe('<h4>tres</h4><h5>cuatro</h5>');
  });

  it('never emits an h1, and caps headings at h6', () => {
    expect(renderPortableText([b('h1', 'uno'), b('h2', 'dos')], { headingLevel: 2 })).toBe('<h2>uno</h2><h2>dos</h2>');
    expect(renderPortableText([b('h6', 'seis')], { headingLevel: 4 })).toBe('<h6>seis</h6>');
  });

  it('renders paragraphs, quotes and line breaks, and unknown styles as paragraphs', () => {
    expect(renderPortableText([b('normal', 'a\nb'), b('blockquote', 'cita'), b('<script>', 'raro')])).toBe(
      '<p>a<br>b</p><blockquote><p>cita</p></blockquote><p>raro</p>',
    );
  });

  it('nests lists by level and tells bullets from numbers', () => {
    const blocks = [
      b('normal', 'uno', { listItem: 'bullet', level: 1 }),
      b('normal', 'uno.a', { listItem: 'bullet', level: 2 }),
      b('normal', 'dos', { listItem: 'bullet', level: 1 }),
      b('normal', 'primero', { listItem: 'number', level: 1 }),
      b('normal', 'raro', { listItem: '<svg onload=alert(1)>', level: 1 }),
    ];
    expect(renderPortableText(blocks)).toBe('<ul><li>uno<ul><li>uno.a</li></ul></li><li>dos</li></ul><ol><li>primero</li></ol><ul><li>raro</li></ul>');
  });

  it('renders strong and em, and drops the markup of other marks', () => {
    const block = {
      _type: 'block',
      style: 'normal',
      markDefs: [],
      children: [
        { _type: 'span', text: 'a', marks: ['strong'] },
        { _type: 'span', text: 'b', marks: ['em'] },
        { _type: 'span', text: 'c', marks: ['underline', 'code', 'strike-through', 'constructor'] },
      ],
    };
    expect(renderPortableText([block])).toBe('<p><strong>a</strong><em>b</em>c</p>');
  });

  it('links https and mailto addresses, escaping them', () => {
    const block = {
      _type: 'block',
      style: 'normal',
      markDefs: [
        { _type: 'link', _key: 'a', href: 'https://example.org/?q=1&r="x"' },
        { _type: 'link', _key: 'b', href: 'mailto:comunicacion@example.org' },
      ],
      children: [
        { _type: 'span', text: 'web', marks: ['a'] },
        { _type: 'span', text: ' y ', marks: [] },
        { _type: 'span', text: 'correo', marks: ['b'] },
      ],
    };
    expect(renderPortableText([block])).toBe(
      '<p><a href="https://example.org/?q=1&amp;r=&quot;x&quot;">web</a> y <a href="mailto:comunicacion@example.org">correo</a></p>',
    );
  });

  it.each([
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://example.org/',
    '/relative',
    '//evil.example/',
    'vbscript:msgbox(1)',
  ])('keeps the text but not the link for %j', (href) => {
    const block = {
      _type: 'block',
      style: 'normal',
      markDefs: [{ _type: 'link', _key: 'a', href }],
      children: [{ _type: 'span', text: 'texto', marks: ['a'] }],
    };
    expect(renderPortableText([block])).toBe('<p>texto</p>');
  });

  it('drops unknown block types, broken nodes and non-span children', () => {
    const blocks = [
      { _type: 'image', asset: { _ref: 'image-x' } },
      { _type: 'constructor' },
      null,
      42,
      { _type: 'block', children: '<script>alert(1)</script>' },
      {
        _type: 'block',
        children: [
          { _type: 'span', text: { html: '<b>' } },
          { _type: 'inline', text: 'x' },
          { _type: 'span', text: 'queda' },
        ],
      },
    ];
    expect(renderPortableText(blocks)).toBe('<p></p><p>queda</p>');
  });

  it('renders nothing for empty or missing content', () => {
    expect(renderPortableText(undefined)).toBe('');
    expect(renderPortableText([])).toBe('');
    expect(renderPortableText('<p>hola</p>')).toBe('');
  });
});

describe('portableTextToPlain', () => {
  it('joins the text of text blocks, one line each, and ignores everything else', () => {
    expect(portableTextToPlain([b('normal', 'uno <b>'), { _type: 'image' }, b('h3', 'dos'), null])).toBe('uno <b>\ndos');
    expect(portableTextToPlain('x')).toBe('');
  });
});
