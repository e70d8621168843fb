// Seed fidelity: proves that the embedded dataset (studio/seed/production.ndjson) carries the whole of the
// organisers' concept note (tests/fixtures/seed/concept-note.es.txt) and nothing was lost on the way.
//
// Expectations are derived by PARSING the seed text (capitalised headings, "H:MM – H:MM" agenda lines,
// "- " bullets, *…* guiding questions), never by copying the dataset's own strings, so removing a sentence,
// a question, a person or a session from the dataset makes this test fail. The last block of tests mutates
// a copy of the dataset to prove that the checkers themselves report what they should.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = resolve(ROOT, 'tests/fixtures/seed/concept-note.es.txt');
const DATASET = resolve(ROOT, 'studio/seed/production.ndjson');

// ------------------------------------------------------------------------------------------------ helpers

type Rec = Record<string, unknown>;
type Doc = Rec & { _id: string; _type: string };

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const rec = (v: unknown): Rec => (isRec(v) ? v : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
/** The `lang` value of a localeString / localeText. */
const loc = (v: unknown, lang = 'es'): string => str(rec(v)[lang]);
/** Plain text of each Portable Text block. */
const blockTexts = (blocks: unknown): string[] =>
  arr(blocks).map((b) =>
    arr(rec(b).children)
      .map((c) => str(rec(c).text))
      .join(''),
  );

/** Whitespace-normalised text, without markdown emphasis asterisks. */
const norm = (s: string): string => s.normalize('NFC').replace(/\*/g, '').replace(/\s+/g, ' ').trim();
/** Case-insensitive comparison key. */
const ci = (s: string): string => norm(s).toLocaleLowerCase('es');
/** Case- and accent-insensitive comparison key (the seed writes "INTRODUCCION" without its accent). */
const fold = (s: string): string => ci(s).normalize('NFD').replace(/\p{M}/gu, '');
/** Session-title comparison key: the site drops a title's final full stop (a typographic convention, not a change of wording). */
const titleKey = (s: string): string => ci(s).replace(/\.$/, '');
const stripColon = (s: string): string => s.replace(/\s*:\s*$/, '');
const pad = (h: string, m: string): string => `${h.padStart(2, '0')}:${m}`;

/** Member countries that the seed may name beside a person (Spanish name → ISO 3166-1 alpha-2). */
const COUNTRY_CODES: Record<string, string> = {
  andorra: 'AD',
  argentina: 'AR',
  bolivia: 'BO',
  brasil: 'BR',
  chile: 'CL',
  colombia: 'CO',
  'costa rica': 'CR',
  cuba: 'CU',
  ecuador: 'EC',
  'el salvador': 'SV',
  españa: 'ES',
  guatemala: 'GT',
  honduras: 'HN',
  méxico: 'MX',
  nicaragua: 'NI',
  panamá: 'PA',
  paraguay: 'PY',
  perú: 'PE',
  portugal: 'PT',
  'república dominicana': 'DO',
  uruguay: 'UY',
};
const MONTHS: Record<string, number> = {
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
};

// ------------------------------------------------------------------------------------------------ seed parser

type ListKind = 'paragraph' | 'bullet' | 'number1' | 'number2';
interface Unit {
  text: string;
  list: ListKind;
}
interface SeedSection {
  heading: string;
  units: Unit[];
}
interface SeedPerson {
  line: string;
  name: string;
  position: string;
  rest: string[];
  topic?: string;
}
interface SeedSession {
  date: string;
  start: string;
  end: string;
  zoneLabel: string;
  indexInDay: number;
  title: string;
  objective?: string;
  questions: string[];
  persons: SeedPerson[];
  /** bullet lines that are not people (placeholders, descriptions) */
  items: string[];
  /** other running text (topics, "Conversación moderada por …") */
  texts: string[];
  moderator?: string;
}
interface SeedDay {
  date: string;
  title: string;
  access: 'public' | 'participants';
}
interface Seed {
  kicker: string;
  title: string;
  dates: string[];
  sections: SeedSection[];
  days: SeedDay[];
  sessions: SeedSession[];
}

const TIME_LINE = /^(\d{1,2})\s*:\s*(\d{2})\s*[–—-]\s*(\d{1,2})\s*:\s*(\d{2})$/u;
const DAY_LINE = /^(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)\s+(\d{1,2})\s+de\s+(\p{L}+)\s*[:–-]\s*(.+)$/iu;
const ZONE_LINE = /^(?:hora de)?\s*(?:guatemala|perú|peru)?$/iu;
const SESSION_HEADING = /^(?:mesa de reflexión|espacio interactivo)\s+\d+\./iu;

const isHeading = (line: string): boolean => /\p{L}{3}/u.test(line) && line === line.toLocaleUpperCase('es') && !/^[-*\d(]/.test(line);
const isZoneLabel = (line: string): boolean => {
  const bare = line.replace(/\*/g, '').trim();
  return bare !== '' && ZONE_LINE.test(bare);
};

function classifyListLine(raw: string): Unit {
  const nested = /^\s+-\s+[a-z]\.\s+(.*)$/u.exec(raw);
  if (nested?.[1] !== undefined) return { text: norm(nested[1]), list: 'number2' };
  const numbered = /^\d+\.\s+(.*)$/u.exec(raw);
  if (numbered?.[1] !== undefined) return { text: norm(numbered[1]), list: 'number1' };
  const bullet = /^-\s+(?:✓\s*)?(.*)$/u.exec(raw);
  if (bullet?.[1] !== undefined) return { text: norm(bullet[1]), list: 'bullet' };
  return { text: norm(raw), list: 'paragraph' };
}

/** Paragraphs and list items of a concept-note section; a paragraph broken mid-sentence by a stray blank line is joined. */
function parseUnits(lines: string[]): Unit[] {
  const units: Unit[] = [];
  for (const raw of lines) {
    if (raw.trim() === '') continue;
    const unit = classifyListLine(raw);
    const prev = units.at(-1);
    if (prev && prev.list === 'paragraph' && unit.list === 'paragraph' && !/[.:;!?]$/.test(prev.text) && /^\p{Ll}/u.test(unit.text)) {
      prev.text = `${prev.text} ${unit.text}`;
    } else {
      units.push(unit);
    }
  }
  return units;
}

/** Sentences of a text unit: split after . ! ? when an uppercase letter (or number, ¿, ¡, quote) follows. */
const splitSentences = (text: string): string[] =>
  norm(text)
    .split(/(?<=[.!?])\s+(?=[¿¡“"(]?[\p{Lu}\d])/u)
    .filter((s) => s !== '');

function parseSeed(text: string): Seed {
  const lines = text.split(/\r?\n/);
  const firstHeading = lines.findIndex(isHeading);
  const agendaAt = lines.findIndex((l) => fold(l) === 'agenda tentativa');
  if (firstHeading < 0 || agendaAt < 0) throw new Error('seed: headings not found');

  // Title lines: kicker, quoted title, "(26, 28 y 30 de octubre de 2020)".
  const header = lines
    .slice(0, firstHeading)
    .map((l) => l.trim())
    .filter(Boolean);
  const [kicker = '', quoted = '', dateLine = ''] = header;
  const dm = /\(([\d,\sy]+)\s+de\s+(\p{L}+)\s+de\s+(\d{4})\)/u.exec(dateLine);
  if (!dm?.[1] || !dm[2] || !dm[3]) throw new Error(`seed: date line not understood: ${dateLine}`);
  const month = MONTHS[dm[2].toLowerCase()];
  if (!month) throw new Error(`seed: month not understood: ${dm[2]}`);
  const year = dm[3];
  const ymd = (day: string | number): string => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const dates = (dm[1].match(/\d+/g) ?? []).map(ymd);

  // Concept-note sections: capitalised headings up to AGENDA TENTATIVA.
  const sections: SeedSection[] = [];
  let current: { heading: string; lines: string[] } | undefined;
  for (const line of lines.slice(firstHeading, agendaAt)) {
    if (isHeading(line)) {
      if (current) sections.push({ heading: current.heading, units: parseUnits(current.lines) });
      current = { heading: line.trim(), lines: [] };
    } else current?.lines.push(line);
  }
  if (current) sections.push({ heading: current.heading, units: parseUnits(current.lines) });

  // Agenda: day lines, time lines, zone labels and content, grouped into session chunks.
  const days: SeedDay[] = [];
  const sessions: SeedSession[] = [];
  let day: SeedDay | undefined;
  let chunk: (Omit<SeedSession, 'date' | 'start' | 'end'> & Partial<SeedSession>) | undefined;
  let contentLines = 0;
  let lastText: string | undefined;
  let zoneOpen = false;

  const closeChunk = () => {
    if (!chunk) return;
    if (!chunk.date || !chunk.start || !chunk.end) throw new Error(`seed: agenda item without a time: ${chunk.title}`);
    sessions.push(chunk as SeedSession);
    chunk = undefined;
  };
  const openChunk = () => {
    closeChunk();
    if (!day) throw new Error('seed: agenda item before any day');
    const indexInDay = sessions.filter((s) => s.date === day?.date).length;
    chunk = { zoneLabel: '', indexInDay, title: '', questions: [], persons: [], items: [], texts: [] };
    contentLines = 0;
    lastText = undefined;
  };

  for (const raw of lines.slice(agendaAt + 1)) {
    const line = raw.trim();
    if (line === '') continue;
    const dayMatch = DAY_LINE.exec(line);
    if (dayMatch?.[1] && dayMatch[3]) {
      closeChunk();
      const rest = norm(dayMatch[3]);
      const access = /acceso solo a participantes/i.test(rest) ? 'participants' : 'public';
      day = { date: ymd(dayMatch[1]), title: norm(rest.replace(/\(.*?\)/g, '')), access };
      days.push(day);
      continue;
    }
    const time = TIME_LINE.exec(line);
    if (time?.[1] && time[2] && time[3] && time[4]) {
      if (!chunk || chunk.start) openChunk();
      if (!chunk || !day) throw new Error('unreachable');
      chunk.date = day.date;
      chunk.start = pad(time[1], time[2]);
      chunk.end = pad(time[3], time[4]);
      zoneOpen = true;
      continue;
    }
    if (zoneOpen && isZoneLabel(line)) {
      if (chunk) chunk.zoneLabel = norm(`${chunk.zoneLabel} ${line}`);
      continue;
    }
    zoneOpen = false;
    if (!chunk || (SESSION_HEADING.test(line) && chunk.start && contentLines > 0)) openChunk();
    if (!chunk) throw new Error('unreachable');
    contentLines += 1;

    const isBullet = /^-\s+/.test(line);
    const body = norm(line.replace(/^-\s+/, ''));
    if (body.startsWith('¿')) {
      chunk.questions.push(body); // the asterisks of *…* (even across two lines) are gone after norm()
    } else if (/^preguntas guía:?$/iu.test(body)) {
      // a label; the site renders its own heading for guiding questions
    } else if (/^objetivo:\s*/iu.test(body)) {
      chunk.objective = norm(`${chunk.objective ?? ''} ${body.replace(/^objetivo:\s*/iu, '')}`);
    } else if (/^el objetivo\b/iu.test(body)) {
      chunk.objective = norm(`${chunk.objective ?? ''} ${body}`);
    } else if (isBullet && body.includes(',')) {
      const [name = '', position = '', ...rest] = body
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      chunk.persons.push({ line: body, name, position, rest, topic: lastText && stripColon(lastText) });
    } else if (isBullet) {
      chunk.items.push(body);
    } else if (!chunk.title) {
      chunk.title = body;
    } else {
      chunk.texts.push(body);
      lastText = body;
      const mod = /moderada por (.+?) estructurada/iu.exec(body);
      if (mod?.[1]) chunk.moderator = mod[1];
    }
  }
  closeChunk();
  return { kicker: norm(kicker), title: norm(quoted.replace(/^[“"«]|[”"»]$/g, '')), dates, sections, days, sessions };
}

// ------------------------------------------------------------------------------------------------ checkers

const byType = (docs: Doc[], type: string): Doc[] => docs.filter((d) => d._type === type);
const byId = (docs: Doc[]): Map<string, Doc> => new Map(docs.map((d) => [d._id, d]));

/** (a) every sentence of the concept-note sections is in the Spanish Portable Text of the conceptNote. */
function checkConceptNote(seed: Seed, docs: Doc[]): string[] {
  const problems: string[] = [];
  const notes = byType(docs, 'conceptNote');
  if (notes.length !== 1) return [`expected one conceptNote, found ${notes.length}`];
  const sections = arr(notes[0]?.sections).map(rec);
  if (sections.length !== seed.sections.length) problems.push(`conceptNote has ${sections.length} sections, the seed ${seed.sections.length}`);

  seed.sections.forEach((seedSection, i) => {
    const index = sections.findIndex((s) => fold(loc(s.heading)) === fold(seedSection.heading));
    const section = sections[index];
    if (!section) {
      problems.push(`missing concept-note section "${seedSection.heading}"`);
      return;
    }
    if (index !== i) problems.push(`section "${seedSection.heading}" is at position ${index + 1}, the seed has it at ${i + 1}`);
    const blocks = arr(rec(section.body).es).map(rec);
    const texts = blockTexts(blocks).map(norm);
    for (const unit of seedSection.units) {
      for (const sentence of splitSentences(unit.text)) {
        if (!texts.some((t) => t.includes(sentence))) problems.push(`missing sentence in "${seedSection.heading}": "${sentence}"`);
      }
      const bi = texts.indexOf(unit.text);
      const block = blocks[bi];
      if (!block) {
        problems.push(`no block holds the whole ${unit.list} "${unit.text.slice(0, 60)}…" in "${seedSection.heading}"`);
        continue;
      }
      const kind: ListKind = block.listItem === 'bullet' ? 'bullet' : block.listItem === 'number' ? (block.level === 2 ? 'number2' : 'number1') : 'paragraph';
      if (kind !== unit.list) problems.push(`"${unit.text.slice(0, 60)}…" is a ${kind}, the seed has a ${unit.list}`);
    }
    const seedTexts = new Set(seedSection.units.map((u) => u.text));
    for (const t of texts) if (!seedTexts.has(t)) problems.push(`text not in the seed in "${seedSection.heading}": "${t}"`);
  });
  return problems;
}

/** Spanish strings of a session that may hold a seed line: title, objective, description, questions, participants. */
function sessionSpanish(session: Doc): string[] {
  const out = [loc(session.title), loc(session.objective), ...blockTexts(rec(session.description).es)];
  for (const q of arr(session.questions)) out.push(loc(q));
  for (const p of arr(session.participants).map(rec)) out.push(loc(p.placeholder), loc(p.topic));
  return out.filter(Boolean).map(norm);
}

/** Title lines, days, and (b)+(c): every agenda item, time range, objective, question, person and placeholder. */
function checkAgenda(seed: Seed, docs: Doc[]): string[] {
  const problems: string[] = [];
  const ids = byId(docs);
  const event = byType(docs, 'event')[0];
  if (!event) return ['no event document'];

  if (norm(loc(event.kicker)) !== seed.kicker) problems.push(`event kicker is not "${seed.kicker}"`);
  if (norm(loc(event.name)) !== seed.title) problems.push(`event name is not "${seed.title}"`);
  const eventDays = arr(event.days).map(rec);
  const eventDates = eventDays.map((d) => str(d.date));
  if (eventDates.join() !== seed.dates.join()) problems.push(`event days ${eventDates.join()} ≠ seed ${seed.dates.join()}`);
  for (const day of seed.days) {
    const d = eventDays.find((x) => x.date === day.date);
    if (!d) problems.push(`no event day ${day.date}`);
    else {
      if (ci(loc(d.title)) !== ci(day.title)) problems.push(`day ${day.date} title is not "${day.title}"`);
      if (d.access !== day.access) problems.push(`day ${day.date} access is not ${day.access}`);
    }
  }

  const sessions = byType(docs, 'session');
  const matched = new Set<string>();
  for (const item of seed.sessions) {
    const label = `"${item.title}" (${item.date} ${item.start}–${item.end})`;
    const atTime = sessions.filter((s) => s.date === item.date && s.start === item.start && s.end === item.end);
    if (atTime.length === 0) {
      problems.push(`no session at ${item.date} ${item.start}–${item.end} for ${label}`);
      continue;
    }
    const hits = atTime.filter((s) => titleKey(loc(s.title)) === titleKey(item.title));
    const session = hits[0];
    if (hits.length !== 1 || !session) {
      problems.push(`expected one session titled ${label}, found ${hits.length}`);
      continue;
    }
    matched.add(session._id);
    const day = seed.days.find((d) => d.date === item.date);
    if (session.access !== day?.access) problems.push(`${label}: access ${String(session.access)} ≠ ${day?.access}`);
    if (session.order !== item.indexInDay + 1) problems.push(`${label}: order ${String(session.order)} ≠ ${item.indexInDay + 1}`);
    // Quirk 1: a time labelled "Hora de Perú" is recorded in the event's zone (it continues the opening).
    if (session.timeZone !== undefined && session.timeZone !== event.timeZone)
      problems.push(`${label}: timeZone ${String(session.timeZone)} differs from the event's`);
    if (/^mesa de reflexión/iu.test(item.title) && session.kind !== 'panel') problems.push(`${label}: kind is not panel`);
    if (/^espacio interactivo/iu.test(item.title) && session.kind !== 'workshop') problems.push(`${label}: kind is not workshop`);

    if (item.objective !== undefined && norm(loc(session.objective)) !== item.objective) problems.push(`${label}: objective is not "${item.objective}"`);
    if (item.objective === undefined && loc(session.objective) !== '') problems.push(`${label}: objective not in the seed`);

    const questions = arr(session.questions).map((q) => norm(loc(q)));
    for (const q of item.questions) if (!questions.includes(q)) problems.push(`${label}: missing question "${q}"`);
    if (questions.length !== item.questions.length) problems.push(`${label}: ${questions.length} questions, the seed has ${item.questions.length}`);

    const spanish = sessionSpanish(session).map(ci);
    for (const line of [...item.items, ...item.texts]) {
      if (!spanish.some((s) => s.includes(ci(stripColon(line))))) problems.push(`${label}: missing "${line}"`);
    }

    const participants = arr(session.participants).map(rec);
    if (item.moderator) {
      const moderator = item.moderator;
      if (!participants.some((p) => p.role === 'moderator' && ci(loc(p.placeholder)) === ci(moderator))) problems.push(`${label}: no moderator "${moderator}"`);
    }
    for (const person of item.persons) {
      const participant = participants.find((p) => str(ids.get(str(rec(p.speaker)._ref))?.name) === person.name);
      const speaker = participant && ids.get(str(rec(participant.speaker)._ref));
      if (!participant || !speaker) {
        problems.push(`${label}: missing person "${person.line}"`);
        continue;
      }
      if (norm(loc(speaker.position)) !== person.position) problems.push(`${person.name}: position is not "${person.position}"`);
      if (person.topic && ci(loc(participant.topic)) !== ci(person.topic)) problems.push(`${person.name}: topic is not "${person.topic}"`);
      const institution = ids.get(str(rec(speaker.institution)._ref));
      const acronyms = byType(docs, 'institution')
        .map((d) => str(d.acronym))
        .filter((a) => a && person.line.includes(a));
      if (acronyms.length > 0 && !acronyms.includes(str(institution?.acronym))) problems.push(`${person.name}: institution is not ${acronyms.join(' or ')}`);
      for (const part of person.rest) {
        for (const [country, code] of Object.entries(COUNTRY_CODES)) {
          if (ci(part).includes(country) && speaker.country !== code) problems.push(`${person.name}: country is not ${code}`);
        }
      }
    }
  }
  for (const s of sessions) if (!matched.has(s._id)) problems.push(`session ${s._id} is not an agenda item of the seed`);
  return problems;
}

/** (d) every translatable value that has Spanish also has non-empty English and Portuguese. */
function checkTranslations(docs: Doc[]): string[] {
  const problems: string[] = [];
  const shape = (blocks: unknown[]) => blocks.map((b) => `${str(rec(b).style)}/${str(rec(b).listItem)}/${String(rec(b).level ?? '')}`).join(',');
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
      return;
    }
    if (!isRec(value)) return;
    const type = value._type;
    if (type === 'localeString' || type === 'localeText') {
      if (str(value.es).trim() === '') problems.push(`${path}: empty es`);
      for (const lang of ['en', 'pt']) if (str(value[lang]).trim() === '') problems.push(`${path}: missing ${lang}`);
      return;
    }
    if (type === 'localeBlockContent') {
      const es = arr(value.es);
      if (es.length === 0) problems.push(`${path}: empty es`);
      for (const lang of ['en', 'pt']) {
        const other = arr(value[lang]);
        if (other.length === 0) problems.push(`${path}: missing ${lang}`);
        else if (shape(other) !== shape(es)) problems.push(`${path}: ${lang} blocks do not mirror es (${shape(other)})`);
        else if (blockTexts(other).some((t) => t.trim() === '')) problems.push(`${path}: empty ${lang} block`);
      }
      return;
    }
    for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  for (const d of docs) walk(d, d._id);
  return problems;
}

/** (d) ids unique, keys unique within arrays, references resolve, plus the contract's basic shapes. */
function checkIntegrity(docs: Doc[]): string[] {
  const problems: string[] = [];
  const ids = byId(docs);
  if (ids.size !== docs.length) problems.push('duplicate _id');
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      const keys = new Set<string>();
      value.forEach((v, i) => {
        if (isRec(v)) {
          const key = str(v._key);
          if (!key) problems.push(`${path}[${i}]: missing _key`);
          else if (keys.has(key)) problems.push(`${path}[${i}]: duplicate _key ${key}`);
          keys.add(key);
        }
        walk(v, `${path}[${i}]`);
      });
      return;
    }
    if (!isRec(value)) return;
    if (value._type === 'reference' && !ids.has(str(value._ref))) problems.push(`${path}: dangling reference ${str(value._ref)}`);
    for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  for (const d of docs) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(d._id)) problems.push(`${d._id}: unusual _id`);
    for (const f of ['_createdAt', '_updatedAt', '_rev']) if (!str(d[f])) problems.push(`${d._id}: missing ${f}`);
    walk(d, d._id);
  }
  for (const single of ['event', 'conceptNote']) {
    if (byType(docs, single).length !== 1 || ids.get(single)?._type !== single) problems.push(`${single}: expected one document with _id "${single}"`);
  }
  const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  for (const type of ['session', 'speaker']) {
    const slugs = byType(docs, type).map((d) => str(rec(d.slug).current));
    if (new Set(slugs).size !== slugs.length) problems.push(`${type}: duplicate slug`);
    for (const s of slugs) if (!kebab.test(s)) problems.push(`${type}: slug "${s}" is not kebab-case`);
  }
  const anchors = byType(docs, 'conceptNote').flatMap((n) => arr(n.sections).map((s) => str(rec(s).anchor)));
  if (new Set(anchors).size !== anchors.length) problems.push('conceptNote: duplicate anchor');
  for (const a of anchors) if (!kebab.test(a)) problems.push(`conceptNote: anchor "${a}" is not kebab-case`);
  const days = arr(ids.get('event')?.days).map((d) => str(rec(d).date));
  for (const s of byType(docs, 'session')) {
    const [start, end] = [str(s.start), str(s.end)];
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(start) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(end) || start >= end)
      problems.push(`${s._id}: bad times ${start}–${end}`);
    if (!days.includes(str(s.date))) problems.push(`${s._id}: date ${str(s.date)} is not an event day`);
    for (const p of arr(s.participants).map(rec)) {
      if (Boolean(p.speaker) === Boolean(p.placeholder)) problems.push(`${s._id}: participant needs speaker xor placeholder`);
    }
  }
  return problems;
}

// ------------------------------------------------------------------------------------------------ tests

const seedText = readFileSync(FIXTURE, 'utf8');
const seed = parseSeed(seedText);
const datasetLines = readFileSync(DATASET, 'utf8').split('\n');
const docs: Doc[] = datasetLines.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Doc);

describe('seed fixture', () => {
  it('parses into the structure the product describes', () => {
    expect(seed.sections.map((s) => fold(s.heading))).toEqual([
      'introduccion',
      'objetivo general',
      'objetivos especificos',
      'productos',
      'metodologia',
      'perfil de los participantes',
    ]);
    expect(seed.days.map((d) => `${d.date} ${d.access}`)).toEqual(['2020-10-26 public', '2020-10-28 participants', '2020-10-30 participants']);
    expect(seed.sessions.map((s) => `${s.date} ${s.start}-${s.end}`)).toEqual([
      '2020-10-26 09:00-09:20',
      '2020-10-26 09:20-09:30',
      '2020-10-26 09:30-10:30',
      '2020-10-26 09:30-10:30',
      '2020-10-28 09:00-09:10',
      '2020-10-28 09:10-10:20',
      '2020-10-28 10:20-11:20',
      '2020-10-28 11:20-11:30',
      '2020-10-30 09:00-09:10',
      '2020-10-30 09:10-10:10',
      '2020-10-30 10:10-11:10',
      '2020-10-30 11:10-11:30',
    ]);
    expect(seed.sessions.map((s) => s.questions.length)).toEqual([0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 6, 0]);
    expect(seed.sessions.flatMap((s) => s.persons.map((p) => p.name))).toEqual(['Rita Mishaan', 'María Belén Bogado', 'Daniel Castillo Carniglia']);
    // the paragraph broken by a stray blank line is one unit again
    const intro = seed.sections[0]?.units ?? [];
    expect(intro.some((u) => u.text.includes('evitar solapamientos; iv)'))).toBe(true);
    // the "✓" glyphs are bullets, not text
    expect(seed.sections.flatMap((s) => s.units).some((u) => u.text.includes('✓'))).toBe(false);
  });
});

describe('embedded dataset (studio/seed/production.ndjson)', () => {
  it('is NDJSON: one JSON document per line, in the agreed order', () => {
    expect(datasetLines.at(-1)).toBe('');
    expect(datasetLines.slice(0, -1).every((l) => l.trim() !== '')).toBe(true);
    // Issue #20's documents (the products and the asynchronous activities the concept note names) come last.
    const rank = ['event', 'conceptNote', 'institution', 'speaker', 'session', 'workshopProducts', 'asyncActivity'];
    const keys = docs.map((d) => [rank.indexOf(d._type), str(d.date), Number(d.order ?? 0)] as const);
    for (const k of keys) expect(k[0]).toBeGreaterThanOrEqual(0);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]) || a[2] - b[2]);
    expect(keys).toEqual(sorted);
  });

  it('names the workshop’s products and asynchronous activities exactly as the concept note does, nothing more', () => {
    const section = (start: string) => seed.sections.find((s) => fold(s.heading).startsWith(start))?.units ?? [];
    const products = section('productos')
      .filter((u) => u.list === 'bullet')
      .map((u) => norm(u.text).replace(/\.$/, ''));
    expect(products.length).toBeGreaterThan(0);
    const items = arr(docs.find((d) => d._type === 'workshopProducts')?.items).map(rec);
    expect(items.map((i) => norm(loc(i.title)))).toEqual(products);
    // Only titles: a status, text or file would be something the organisers have not written yet.
    for (const i of items) expect(Object.keys(i).sort()).toEqual(['_key', '_type', 'title']);
    // The methodology's second modality («Espacio asíncrono») lists the asynchronous activities.
    const methodology = section('metodologia');
    const asyncStart = methodology.findIndex((u) => u.list === 'number1' && fold(u.text).includes('asincrono'));
    expect(asyncStart).toBeGreaterThan(0);
    const rest = methodology.slice(asyncStart + 1);
    const activities = rest.slice(0, rest.findIndex((u) => u.list !== 'number2') === -1 ? undefined : rest.findIndex((u) => u.list !== 'number2'));
    const seeded = byType(docs, 'asyncActivity');
    expect(seeded.map((d) => norm(loc(d.title)))).toEqual(activities.map((u) => norm(u.text)));
    for (const d of seeded) expect([d.startDate, d.endDate, d.url, d.description]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('(a) carries every sentence of the concept note in Spanish Portable Text', () => {
    expect(checkConceptNote(seed, docs)).toEqual([]);
  });

  it('(b)+(c) carries every agenda item, time range, objective, question, person and placeholder', () => {
    expect(checkAgenda(seed, docs)).toEqual([]);
  });

  it('(c) keeps both Mesas de reflexión at 09:30–10:30 (Quirk 2)', () => {
    const mesas = byType(docs, 'session').filter((s) => s.date === '2020-10-26' && s.start === '09:30' && s.end === '10:30');
    expect(mesas).toHaveLength(2);
  });

  it('(d) is fully translated into English and Portuguese', () => {
    expect(checkTranslations(docs)).toEqual([]);
  });

  it('(d) has unique ids and keys, and every reference resolves', () => {
    expect(checkIntegrity(docs)).toEqual([]);
  });
});

describe('the checkers catch losses (mutated copies of the dataset)', () => {
  const mutate = (fn: (copy: Doc[]) => void): Doc[] => {
    const copy = structuredClone(docs);
    fn(copy);
    return copy;
  };
  const spanishBlocksOf = (copy: Doc[]) => arr(copy.find((d) => d._type === 'conceptNote')?.sections).flatMap((s) => arr(rec(rec(s).body).es).map(rec));

  it('reports a sentence removed from the concept note', () => {
    const firstUnit = seed.sections[0]?.units[0];
    const sentence = firstUnit ? splitSentences(firstUnit.text)[1] : undefined;
    if (!sentence) throw new Error('seed has no second sentence');
    const copy = mutate((c) => {
      for (const block of spanishBlocksOf(c)) {
        for (const span of arr(block.children).map(rec)) span.text = str(span.text).replace(sentence, '');
      }
    });
    expect(checkConceptNote(seed, docs)).toEqual([]);
    const problems = checkConceptNote(seed, copy);
    expect(problems.some((p) => p.includes('missing sentence') && p.includes(sentence))).toBe(true);
  });

  it('reports a whole list item removed from the concept note', () => {
    const item = seed.sections.flatMap((s) => s.units).find((u) => u.list === 'number2');
    if (!item) throw new Error('seed has no nested list item');
    const copy = mutate((c) => {
      const note = c.find((d) => d._type === 'conceptNote');
      for (const s of arr(note?.sections).map(rec)) {
        const body = rec(s.body);
        body.es = arr(body.es).filter((b) => !blockTexts([b])[0]?.includes(item.text));
      }
    });
    expect(checkConceptNote(seed, copy).some((p) => p.includes(splitSentences(item.text)[0] ?? '\u0000'))).toBe(true);
  });

  it('reports a guiding question, a person and a concurrent session removed from the agenda', () => {
    const withSix = seed.sessions.find((s) => s.questions.length === 6);
    const question = withSix?.questions[0];
    if (!withSix || !question) throw new Error('seed has no session with six questions');
    const noQuestion = mutate((c) => {
      for (const s of c) if (s._type === 'session') s.questions = arr(s.questions).filter((q) => norm(loc(q)) !== question);
    });
    expect(checkAgenda(seed, noQuestion).some((p) => p.includes(question))).toBe(true);

    const person = seed.sessions.flatMap((s) => s.persons)[0];
    if (!person) throw new Error('seed has no person');
    const noPerson = mutate((c) => {
      for (const s of c) {
        if (s._type !== 'session') continue;
        s.participants = arr(s.participants).filter((p) => !str(rec(rec(p).speaker)._ref).includes('rita'));
      }
    });
    expect(checkAgenda(seed, noPerson).some((p) => p.includes(person.name))).toBe(true);

    const second = seed.sessions.filter((s) => s.start === '09:30')[1];
    if (!second) throw new Error('seed has no second 09:30 session');
    const noSecond = mutate((c) => {
      const i = c.findIndex((d) => d._type === 'session' && titleKey(loc(d.title)) === titleKey(second.title));
      if (i < 0) throw new Error(`no session titled ${second.title}`);
      c.splice(i, 1);
    });
    expect(checkAgenda(seed, noSecond).some((p) => p.includes(second.title))).toBe(true);
  });

  it('ignores only the final full stop of a session title: any other change to its words is reported', () => {
    const dotted = seed.sessions.find((s) => s.title.endsWith('.'));
    if (!dotted) throw new Error('seed has no title with a final full stop');
    /** Agenda problems once the dotted session's Spanish title is rewritten by `fn`. */
    const problemsRetitled = (fn: (title: string) => string) =>
      checkAgenda(
        seed,
        mutate((c) => {
          const session = c.find((d) => d._type === 'session' && titleKey(loc(d.title)) === titleKey(dotted.title));
          if (!session) throw new Error(`no session titled ${dotted.title}`);
          const title = rec(session.title);
          title.es = fn(str(title.es));
        }),
      );
    const withoutStop = (t: string) => t.replace(/\.$/, '');
    expect(problemsRetitled((t) => `${withoutStop(t)}.`)).toEqual([]);
    expect(problemsRetitled(withoutStop)).toEqual([]);
    expect(problemsRetitled((t) => `${withoutStop(t)}!`).some((p) => p.includes(dotted.title))).toBe(true);
    expect(problemsRetitled((t) => withoutStop(t).replace(/ \p{L}+$/u, '')).some((p) => p.includes(dotted.title))).toBe(true);
  });

  it('reports a missing translation, a duplicate key and a dangling reference', () => {
    const untranslated = mutate((c) => {
      const q = rec(arr(c.find((d) => d._type === 'session' && arr(d.questions).length > 0)?.questions)[0]);
      delete q.pt;
    });
    expect(checkTranslations(untranslated).some((p) => p.includes('missing pt'))).toBe(true);

    const broken = mutate((c) => {
      const event = c.find((d) => d._type === 'event');
      if (event) event.organizer = { _type: 'reference', _ref: 'institution-nowhere' };
      const days = arr(event?.days).map(rec);
      const [first, second] = days;
      if (first && second) second._key = first._key;
    });
    const problems = checkIntegrity(broken);
    expect(problems.some((p) => p.includes('dangling reference institution-nowhere'))).toBe(true);
    expect(problems.some((p) => p.includes('duplicate _key'))).toBe(true);
  });
});
