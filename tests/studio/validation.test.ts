import { describe, expect, it } from 'vitest';
import {
  checkEventDays,
  checkParticipant,
  checkSectionAnchors,
  checkSessionDay,
  checkSessionLinks,
  checkSessionSchedule,
  checkSessionTiming,
  findOrderProblem,
  findOverlappingSessions,
  isSafeHref,
  latestVersions,
  publishedId,
  type RuleIssue,
  type SessionTiming,
  sessionEndDate,
  sessionInterval,
  timeZoneLabel,
} from '../../content-models/validation';

const GUATEMALA = 'America/Guatemala';

function session(id: string, fields: Partial<SessionTiming> = {}): SessionTiming {
  return { _id: id, title: id, date: '2020-10-26', start: '09:00', end: '09:20', ...fields };
}

/** The day-1 morning as the seed has it, plus the literal reading of the introduction. */
const opening = session('opening', { title: 'Inauguración del encuentro', start: '09:00', end: '09:20', order: 1 });
const introduction = session('introduction', { title: 'Introducción', start: '09:20', end: '09:30', order: 2 });
const introductionInLimaTime = { ...introduction, timeZone: 'America/Lima' };
const mesa1 = session('mesa-1', { title: 'Mesa de reflexión 1', start: '09:30', end: '10:30', order: 3 });
const mesa2 = session('mesa-2', { title: 'Mesa de reflexión 2', start: '09:30', end: '10:30', order: 4 });
const day1 = [opening, introduction, mesa1, mesa2];

const brief = (issues: RuleIssue[]) => issues.map(({ level, path }) => `${level} ${path}`);

describe('isSafeHref', () => {
  it.each([
    ['https://pifcss.org/inscripcion', true],
    ['https://zoom.us/j/123456789?pwd=abc', true],
    ['HTTPS://PIFCSS.ORG', true],
    ['mailto:comunicacion@cooperacionsursur.org', true],
    ['mailto:a@pifcss.org,b@segeplan.gob.gt', true],
    ['mailto:a@pifcss.org?subject=Seminario', true],
    ['http://pifcss.org', false],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['/programa', false],
    ['pifcss.org', false],
    ['https:pifcss.org', false],
    ['https://', false],
    ['https://usuario:clave@pifcss.org', false],
    [' https://pifcss.org', false],
    ['https://pifcss.org/una ruta', false],
    ['https://pifcss.org/\u0007', false],
    ['mailto:', false],
    ['mailto:comunicacion', false],
    ['mailto:comunicacion@pifcss', false],
    ['ftp://pifcss.org', false],
    ['', false],
  ])('%s → %s', (href, expected) => {
    expect(isSafeHref(href)).toBe(expected);
  });
});

describe('checkSessionLinks', () => {
  it.each([
    ['a public session may carry a join link', 'public', [{ kind: 'join', url: 'https://zoom.us/j/1' }], []],
    ['a participants-only session may carry material', 'participants', [{ kind: 'material', url: 'https://a.org/x.pdf' }], []],
    ['a participants-only session cannot carry a join link', 'participants', [{ kind: 'join', url: 'https://zoom.us/j/1' }], ['error links[0].kind']],
    [
      'a participants-only session cannot carry a stream link',
      'participants',
      [
        { kind: 'material', url: 'https://a.org/x.pdf' },
        { kind: 'stream', url: 'https://youtu.be/x' },
      ],
      ['error links[1].kind'],
    ],
    ['an unsafe address is an error', 'public', [{ kind: 'material', url: 'javascript:alert(1)' }], ['error links[0].url']],
    ['an empty address is an error', 'public', [{ kind: 'material', url: '' }], ['error links[0].url']],
    ['both problems are reported', 'participants', [{ kind: 'join', url: 'http://zoom.us/j/1' }], ['error links[0].url', 'error links[0].kind']],
  ] as const)('%s', (_name, access, links, expected) => {
    expect(brief(checkSessionLinks(access, [...links]))).toEqual(expected);
  });

  it('explains how to fix an http: address', () => {
    expect(checkSessionLinks('public', [{ kind: 'other', url: 'http://pifcss.org' }])[0]?.message).toContain('Usa la versión https://');
  });
});

describe('checkParticipant', () => {
  const rita = { _type: 'reference', _ref: 'speaker-rita-mishaan' };
  it.each<[string, Parameters<typeof checkParticipant>[0] & { placeholder?: Record<string, string> }, string[]]>([
    ['a confirmed speaker with a role', { speaker: rita, role: 'welcome' }, []],
    ['a placeholder with a role', { placeholder: { es: 'Institución rectora de cooperación 1' }, role: 'panelist' }, []],
    ['nobody', { role: 'panelist' }, ['error speaker']],
    ['an empty reference and no placeholder', { speaker: { _type: 'reference' }, role: 'panelist' }, ['error speaker']],
    ['a placeholder only in English', { placeholder: { en: 'Lead institution 1' }, role: 'panelist' }, ['error speaker']],
    ['both a speaker and a placeholder', { speaker: rita, placeholder: { es: 'Experto/a' }, role: 'presenter' }, ['error placeholder']],
    ['no role', { speaker: rita }, ['error role']],
    ['an unknown role', { speaker: rita, role: 'keynote' }, ['error role']],
  ])('%s', (_name, participant, expected) => {
    expect(brief(checkParticipant(participant))).toEqual(expected);
  });
});

describe('checkSessionTiming', () => {
  it.each([
    ['a morning session in Guatemala time', {}, []],
    ['a session in another zone', { timeZone: 'America/Lima', start: '10:00', end: '10:20' }, []],
    ['a session ending at midnight minus one', { start: '22:00', end: '23:59' }, []],
    ['no date', { date: '' }, ['error date']],
    ['an impossible date', { date: '2020-02-30' }, ['error date']],
    ['no start', { start: '' }, ['error start']],
    ['a start with a dot', { start: '9.00' }, ['error start']],
    ['an end at 24:00', { end: '24:00' }, ['error end']],
    ['a one-digit hour', { start: '9:00' }, ['warning start']],
    ['an end before the start', { start: '09:20', end: '09:00' }, ['error end']],
    ['an end equal to the start', { start: '09:20', end: '09:20' }, ['error end']],
    ['an unknown zone', { timeZone: 'America/Ciudad_de_Guatemala' }, ['error timeZone']],
    ['an offset instead of a zone', { timeZone: '-06:00' }, ['error timeZone']],
    // Madrid, 29 March 2020: 02:00 → 03:00.
    ['a start in the spring-forward gap', { date: '2020-03-29', start: '02:30', end: '03:30', timeZone: 'Europe/Madrid' }, ['error start']],
    // Santiago, 6 September 2020: 00:00 → 01:00, a gap at midnight.
    ['an end in a midnight gap', { date: '2020-09-06', start: '00:00', end: '00:30', timeZone: 'America/Santiago' }, ['error start', 'error end']],
    // Madrid, 25 October 2020: 03:00 → 02:00, so 02:00–02:59 happens twice.
    ['a start in the repeated hour', { date: '2020-10-25', start: '02:30', end: '03:30', timeZone: 'Europe/Madrid' }, ['warning start']],
  ] as const)('%s', (_name, fields, expected) => {
    expect(brief(checkSessionTiming(session('s', fields), GUATEMALA))).toEqual(expected);
  });

  it('uses the event zone when the session has none, and says so when that zone is wrong', () => {
    const [issue] = checkSessionTiming(session('s'), 'Guatemala');
    expect(issue).toMatchObject({ level: 'error', path: 'timeZone' });
    expect(issue?.message).toContain('La zona horaria del evento («Guatemala») no es válida');
  });

  it('suggests the first valid time after a gap', () => {
    const [issue] = checkSessionTiming(session('s', { date: '2020-03-29', start: '02:30', end: '03:30', timeZone: 'Europe/Madrid' }), GUATEMALA);
    expect(issue?.message).toContain('Usa una hora a partir de las 03:00');
  });
});

describe('sessionInterval', () => {
  it('reads the times in the session zone', () => {
    expect(sessionInterval(introductionInLimaTime, GUATEMALA)).toEqual({
      start: new Date('2020-10-26T14:20:00Z'),
      end: new Date('2020-10-26T14:30:00Z'),
    });
    expect(sessionInterval(introduction, GUATEMALA)?.start).toEqual(new Date('2020-10-26T15:20:00Z'));
  });

  it('is null when a time cannot be resolved', () => {
    expect(sessionInterval(session('s', { start: 'nueve' }), GUATEMALA)).toBeNull();
  });
});

describe('findOverlappingSessions', () => {
  it.each([
    ['the two Mesas overlap each other', mesa1, day1, ['mesa-2']],
    ['sessions that only touch do not overlap', introduction, day1, []],
    ['a session inside another overlaps it', session('inside', { start: '09:45', end: '10:00' }), day1, ['mesa-1', 'mesa-2']],
    ['a session is never compared with itself', mesa1, [mesa1], []],
    ['nor with its published twin', { ...mesa1, _id: 'drafts.mesa-1' }, [mesa1, { ...mesa1, _id: 'drafts.mesa-1' }], []],
    ['other days are not compared', { ...mesa1, date: '2020-10-28' }, [mesa2], []],
    // 10:20–10:30 in Lima is 9:20–9:30 in Guatemala: the introduction's slot, touching its neighbours.
    ['zones are converted before comparing', session('lima', { start: '10:20', end: '10:30', timeZone: 'America/Lima' }), day1, ['introduction']],
  ] as const)('%s', (_name, subject, others, expected) => {
    expect(findOverlappingSessions(subject, [...others], GUATEMALA).map((other) => other._id)).toEqual(expected);
  });

  it('keeps the draft of another session over its published version', () => {
    const draft = { ...mesa2, _id: 'drafts.mesa-2', title: 'Mesa 2 (borrador)' };
    expect(findOverlappingSessions(mesa1, [mesa2, draft], GUATEMALA)).toEqual([draft]);
  });

  it('ignores a draft that no longer overlaps, even if the published version did', () => {
    const moved = { ...mesa2, _id: 'drafts.mesa-2', start: '10:30', end: '11:30' };
    expect(findOverlappingSessions(mesa1, [mesa2, moved], GUATEMALA)).toEqual([]);
  });
});

describe('findOrderProblem', () => {
  it.each([
    ['the introduction read as Peru time starts before the opening', introductionInLimaTime, day1, 'opening'],
    ['the introduction as the dataset records it is in order', introduction, day1, null],
    ['sessions starting together are ordered by `order`', mesa2, day1, null],
    ['the first session has nothing before it', opening, day1, null],
    ['a session without an order is not checked', { ...introductionInLimaTime, order: null }, day1, null],
    ['sessions of another day are not compared', { ...introductionInLimaTime, date: '2020-10-28' }, day1, null],
    ['a session is not compared with its own draft', { ...introductionInLimaTime, _id: 'drafts.introduction' }, [introduction], null],
  ] as const)('%s', (_name, subject, others, expected) => {
    expect(findOrderProblem(subject, [...others], GUATEMALA)?._id ?? null).toBe(expected);
  });

  it('names the closest earlier session in agenda order when several start later', () => {
    const early = session('early', { start: '08:00', end: '08:10', order: 5 });
    expect(findOrderProblem(early, day1, GUATEMALA)?._id).toBe('mesa-2');
  });
});

describe('checkSessionSchedule', () => {
  it('warns about overlaps and names the other session with its Guatemala time', () => {
    expect(checkSessionSchedule(mesa1, day1, GUATEMALA)).toEqual([
      { level: 'warning', path: 'start', message: expect.stringContaining('«Mesa de reflexión 2» (9:30–10:30, hora de Guatemala)') },
    ]);
  });

  it('is an error when the agenda order contradicts the times, and explains the zone', () => {
    const [issue] = checkSessionSchedule(introductionInLimaTime, day1, GUATEMALA);
    expect(issue).toMatchObject({ level: 'error', path: 'start' });
    expect(issue?.message).toContain('a las 8:20 hora de Guatemala (9:20 en hora de Perú), y «Inauguración del encuentro» a las 9:00');
    expect(issue?.message).toContain('vacía el campo «Zona horaria»');
  });

  it('says nothing about a morning in order', () => {
    expect(checkSessionSchedule(opening, day1, GUATEMALA)).toEqual([]);
  });
});

describe('checkSessionDay', () => {
  const days = ['2020-10-26', '2020-10-28', '2020-10-30'];
  it.each([
    ['an event day', { date: '2020-10-28' }, days, []],
    ['a day between event days', { date: '2020-10-27' }, days, ['error date']],
    ['any day when the event has no days yet', { date: '2020-10-27' }, [], []],
    ['an invalid date, which the timing rule reports', { date: '2020-13-01' }, days, []],
  ] as const)('%s', (_name, fields, eventDays, expected) => {
    expect(brief(checkSessionDay(session('s', fields), [...eventDays], GUATEMALA))).toEqual(expected);
  });

  it('names the event day the session falls on in the event zone, and how to fix it', () => {
    // 00:30 on 27 Oct in Madrid (UTC+1) is 23:30Z on the 26th: 17:30 on Monday 26 in Guatemala.
    const [issue] = checkSessionDay(session('s', { date: '2020-10-27', start: '00:30', end: '01:00', timeZone: 'Europe/Madrid' }), days, GUATEMALA);
    expect(issue?.level).toBe('error');
    expect(issue?.message).toBe(
      'El 27/10/2020 (martes) no es uno de los días del evento (26/10/2020, 28/10/2020 y 30/10/2020). Las horas están en hora de España; ' +
        'en hora de Guatemala la sesión empieza el lunes 26/10/2020 a las 17:30, que sí es un día del evento. Escribe la fecha y las horas en hora de Guatemala ' +
        '(y vacía «Zona horaria»), o añade el día en «Evento → Días» si el programa cambió.',
    );
  });

  it('suggests adding the day when no event day matches in any zone', () => {
    const [issue] = checkSessionDay(session('s', { date: '2020-10-27' }), days, GUATEMALA);
    expect(issue?.message).toBe(
      'El 27/10/2020 (martes) no es uno de los días del evento (26/10/2020, 28/10/2020 y 30/10/2020). Elige uno de esos días, o añade el día en «Evento → Días» si el programa cambió.',
    );
  });
});

describe('a session that ends the next day', () => {
  it.each([
    ['23:15–00:15 with the box ticked', { start: '23:15', end: '00:15', endsNextDay: true }, []],
    ['23:15–00:15 without it, an error as a 12-hour typo would be', { start: '23:15', end: '00:15' }, ['error end']],
    ['09:00–10:00 with the box ticked: 25 hours', { start: '09:00', end: '10:00', endsNextDay: true }, ['error endsNextDay']],
    // Havana, 1 Nov 2020: 01:00 → 00:00, so an end at 00:30 on the next day happens twice.
    [
      'an end in the repeated hour of the next day',
      { date: '2020-10-31', start: '23:30', end: '00:30', endsNextDay: true, timeZone: 'America/Havana' },
      ['warning end'],
    ],
    // Havana, 14 Mar 2021: 00:00 → 01:00, so 00:30 on the next day does not exist.
    ['an end in the gap of the next day', { date: '2021-03-13', start: '23:30', end: '00:30', endsNextDay: true, timeZone: 'America/Havana' }, ['error end']],
  ] as const)('%s', (_name, fields, expected) => {
    expect(brief(checkSessionTiming(session('s', fields), GUATEMALA))).toEqual(expected);
  });

  it('reads the end on the next calendar day, and says in Spanish how to mark it', () => {
    const late = session('s', { date: '2020-10-31', start: '23:15', end: '00:15', endsNextDay: true });
    expect(sessionEndDate(late)).toBe('2020-11-01');
    expect(sessionInterval(late, GUATEMALA)).toEqual({ start: new Date('2020-11-01T05:15:00Z'), end: new Date('2020-11-01T06:15:00Z') });
    const [unmarked] = checkSessionTiming({ ...late, endsNextDay: false }, GUATEMALA);
    expect(unmarked?.message).toContain('Si de verdad termina pasada la medianoche, marca «Termina al día siguiente».');
    const [tooLong] = checkSessionTiming(session('s', { start: '09:00', end: '10:00', endsNextDay: true }), GUATEMALA);
    expect(tooLong?.message).toBe(
      'Marcaste «Termina al día siguiente», pero entonces la sesión duraría de las 09:00 del 26/10/2020 a las 10:00 del 27/10/2020: más de 12 horas. Si termina el mismo día, desmarca la casilla; si no, revisa las horas.',
    );
  });

  it('overlaps the sessions of the next morning it reaches', () => {
    const late = session('late', { date: '2020-10-26', start: '23:00', end: '01:00', endsNextDay: true });
    const early = session('early', { date: '2020-10-27', start: '00:30', end: '01:30' });
    expect(findOverlappingSessions(late, [late, early], GUATEMALA).map((s) => s._id)).toEqual(['early']);
  });
});

describe('checkEventDays', () => {
  it.each([
    ['three days in order', ['2020-10-26', '2020-10-28', '2020-10-30'], []],
    ['a repeated day', ['2020-10-26', '2020-10-26'], ['error days[1].date']],
    ['a day out of order', ['2020-10-26', '2020-10-30', '2020-10-28'], ['warning days[2].date']],
  ] as const)('%s', (_name, dates, expected) => {
    expect(brief(checkEventDays(dates.map((date) => ({ date }))))).toEqual(expected);
  });
});

describe('checkSectionAnchors', () => {
  it.each([
    ['distinct anchors', ['introduccion', 'objetivo-general'], []],
    ['a repeated anchor', ['introduccion', 'objetivo-general', 'introduccion'], ['error sections[2].anchor']],
  ] as const)('%s', (_name, anchors, expected) => {
    expect(brief(checkSectionAnchors(anchors.map((anchor) => ({ anchor }))))).toEqual(expected);
  });
});

describe('document versions', () => {
  it.each([
    ['session-a', 'session-a'],
    ['drafts.session-a', 'session-a'],
    ['versions.r123.session-a', 'session-a'],
  ])('%s is published as %s', (id, expected) => {
    expect(publishedId(id)).toBe(expected);
  });

  it('keeps the draft of each document, in the original order', () => {
    const documents = [{ _id: 'a' }, { _id: 'b' }, { _id: 'drafts.a' }, { _id: 'drafts.c' }];
    expect(latestVersions(documents).map((document) => document._id)).toEqual(['b', 'drafts.a', 'drafts.c']);
  });
});

describe('timeZoneLabel', () => {
  it.each([
    ['America/Guatemala', 'Guatemala'],
    ['America/Lima', 'Perú'],
    ['Europe/Madrid', 'España'],
    ['Europe/Paris', 'Europe/Paris'],
  ])('%s is called %s', (zone, label) => {
    expect(timeZoneLabel(zone)).toBe(label);
  });
});
