import type { Lang } from '../../content-models/routes';
import { t } from '../i18n';
import { zoneTimeLabel } from './place-names';

/**
 * My programme's card of a session as a tree of elements and text (`[tag, attributes, ...children]`,
 * children are trees or text), written into my-programme.json. The browser builds it with
 * `createElement`, `setAttribute` and text nodes (site/scripts/element-tree.ts), never by parsing
 * markup, so its code stays the same few lines however the card changes (JS budget, issue #19);
 * the markup is that of a compact SessionCard (components/SessionCard.astro).
 */
export type ElementTree = [tag: string, attributes: Record<string, string>, ...children: (ElementTree | string)[]];

/** A time line of one reference zone: the clock times and the pieces around them (content-models/time-text.ts). */
export type TimeLine = [start: string, afterStart: string, separator: string, end: string, afterEnd: string, afterLabel: string];

/** What a card shows, as final text in the page's language. */
export interface MineCardText {
  id: string;
  date: string;
  /** UTC instants. */
  start: string;
  end: string;
  url: string;
  title: string;
  /** The language of the title when it is the Spanish source shown instead of a missing translation. */
  titleLang?: string;
  kind: string;
  kindLabel: string;
  access: string;
  accessLabel: string;
  languages?: string;
  /** One per reference zone, in the order of `zones`. */
  times: TimeLine[];
  /** Each participant as the cards list them (components/ParticipantList.astro). */
  people: { role: string; name: string; href?: string; rest?: string; topic?: string }[];
  /** The session's own access links, as the cards show them (lib/take-part.ts): label and address. */
  links?: [label: string, url: string][];
}

const el = (tag: string, attributes: Record<string, string> = {}, ...children: (ElementTree | string)[]): ElementTree => [tag, attributes, ...children];

/** The card of one session, in a `<li data-mine>` of the day's list. */
export function mineCardTree(s: MineCardText, zones: readonly string[], lang: Lang): ElementTree {
  const headingId = `s-${s.url.split('/').filter(Boolean).at(-1) ?? s.id}`;
  const times = el(
    'div',
    { class: 'times', 'data-times': '', 'data-date': s.date },
    ...zones.map((zone, i) => {
      const [start, afterStart, separator, end, afterEnd, afterLabel] = s.times[i] ?? ['', '', '', '', '', ''];
      return el(
        'p',
        { ...(i === 0 ? { class: 'ref' } : {}), 'data-zone': zone },
        el('time', { datetime: s.start }, start),
        el('span', {}, afterStart),
        el('span', {}, separator),
        el('time', { datetime: s.end }, end),
        el('span', {}, afterEnd),
        ' ',
        el(
          'span',
          { class: 'zone' },
          zoneTimeLabel(zone, lang),
          el('span', {}, afterLabel),
          el('span', { class: 'yours', 'data-yours': t(lang, 'time.yours') }),
        ),
      );
    }),
    // The reader's own line, filled by the zone picker.
    el(
      'p',
      { 'data-chosen': '', hidden: '' },
      el('time', { datetime: s.start }),
      el('span', { 'data-after-start': '' }),
      el('span', { 'data-separator': '' }, '–'),
      el('time', { datetime: s.end }),
      el('span', { 'data-after-end': '' }),
      ' ',
      el('span', { class: 'zone', 'data-zone-label': '' }),
    ),
  );
  const meta = el(
    'ul',
    { class: 'meta' },
    el('li', { 'data-kind-label': '' }, s.kindLabel),
    el('li', {}, el('span', { class: `badge ${s.access}` }, s.accessLabel)),
    el(
      'li',
      { 'data-languages': '', ...(s.languages ? {} : { hidden: '' }) },
      el('span', { class: 'visually-hidden' }, `${t(lang, 'session.language')}: `),
      el('span', {}, s.languages ?? ''),
    ),
    el('li', { class: 'now-next', 'data-now-next': '', hidden: '' }),
    el(
      'li',
      { class: 'star-slot' },
      el(
        'button',
        { type: 'button', class: 'star', 'aria-pressed': 'true', 'data-star': s.id },
        el('span', { class: 'star-icon', 'aria-hidden': 'true' }),
        t(lang, 'star.label'),
        el('span', { class: 'visually-hidden' }, `: ${s.title}`),
      ),
    ),
  );
  const people = s.people.map((p) => {
    const name = p.href ? el('a', { href: p.href }, p.name) : p.name;
    return el('li', {}, el('strong', {}, p.role), ' ', name, p.rest ?? '', ...(p.topic ? [' — ', el('q', {}, p.topic)] : []));
  });
  const links = (s.links ?? []).flatMap(([label, url], i) => [...(i ? [' · '] : []), el('a', { href: url }, label)]);
  return el(
    'li',
    { 'data-mine': s.id },
    el(
      'article',
      {
        class: 'card',
        'data-session': s.id,
        'data-kind': s.kind,
        'data-access': s.access,
        'data-start': s.start,
        'data-end': s.end,
        'aria-labelledby': headingId,
      },
      times,
      meta,
      el('h3', { id: headingId }, el('a', { href: s.url, ...(s.titleLang ? { lang: s.titleLang } : {}) }, s.title)),
      ...(people.length ? [el('ul', { class: 'people' }, ...people)] : []),
      ...(links.length ? [el('p', { class: 'take-part compact', 'data-take-part': 'links' }, ' ', ...links)] : []),
    ),
  );
}

/** A day's section of My programme: its heading (the date) and an empty list for its starred cards. */
export function mineDayTree(date: string, label: string): ElementTree {
  const headingId = `mine-${date}-h`;
  return el(
    'section',
    { class: 'mine-day', 'aria-labelledby': headingId, 'data-mine-day': date },
    el('h2', { id: headingId }, el('time', { datetime: date }, label)),
    el('ol', { class: 'sessions' }),
  );
}
