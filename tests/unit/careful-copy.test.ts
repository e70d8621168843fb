import { describe, expect, it } from 'vitest';
import { memberCountries } from '../../content-models/countries';
import { institutionAfterPosition, mentions, placeholderSaysToBeConfirmed } from '../../site/lib/copy';
import { zoneArticle, zonesInSentence, zoneTimeLabel } from '../../site/lib/place-names';

const pifcss = {
  logo: null,
  _id: 'institution-pifcss',
  name: { text: 'Programa Iberoamericano para el Fortalecimiento de la Cooperación Sur-Sur', lang: 'es' as const },
  acronym: 'PIFCSS',
  country: null,
  kind: null,
};
const segeplan = {
  logo: null,
  _id: 'institution-segeplan',
  name: { text: 'Secretaría de Planificación y Programación de la Presidencia', lang: 'es' as const },
  acronym: 'SEGEPLAN',
  country: 'GT',
  kind: null,
};

describe('mentions', () => {
  it('finds whole words whatever their case and accents', () => {
    expect(mentions('Presidenta del Consejo Intergubernamental del PIFCSS', 'pifcss')).toBe(true);
    expect(mentions('Hora de Perú', 'peru')).toBe(true);
    expect(mentions('Experta/o por confirmar', 'Por Confirmar')).toBe(true);
  });

  it('does not match inside another word', () => {
    expect(mentions('Subsecretaria de Cooperación', 'SEGEPLAN')).toBe(false);
    expect(mentions('confirmarlo pronto', 'confirmar')).toBe(false);
    expect(mentions('anything', '  ')).toBe(false);
  });
});

describe('a person named with position and institution', () => {
  it('leaves the institution out when the position already names it', () => {
    expect(institutionAfterPosition('Presidenta del Consejo Intergubernamental del PIFCSS', pifcss)).toBeNull();
    expect(institutionAfterPosition('Chair of the PIFCSS Intergovernmental Council', pifcss)).toBeNull();
  });

  it('adds the acronym otherwise, and nothing without an institution', () => {
    expect(institutionAfterPosition('Subsecretaria de Cooperación y Alianzas para el Desarrollo', segeplan)).toBe('SEGEPLAN');
    expect(institutionAfterPosition(null, segeplan)).toBe('SEGEPLAN');
    expect(institutionAfterPosition('Consultora', null)).toBeNull();
    expect(institutionAfterPosition('Consultora', { ...segeplan, acronym: null })).toBe(segeplan.name.text);
  });
});

describe('a placeholder that already says it is to be confirmed', () => {
  it('is recognised in its own language and in the page language', () => {
    expect(placeholderSaysToBeConfirmed({ text: 'Experta/o por confirmar', lang: 'es' }, 'es')).toBe(true);
    expect(placeholderSaysToBeConfirmed({ text: 'Experta/o por confirmar', lang: 'es' }, 'en')).toBe(true);
    expect(placeholderSaysToBeConfirmed({ text: 'Expert to be confirmed', lang: 'en' }, 'en')).toBe(true);
    expect(placeholderSaysToBeConfirmed({ text: 'Especialista a confirmar', lang: 'pt' }, 'pt')).toBe(true);
  });

  it('is not confused with one that does not', () => {
    expect(placeholderSaysToBeConfirmed({ text: 'Institución rectora de cooperación 1', lang: 'es' }, 'es')).toBe(false);
    expect(placeholderSaysToBeConfirmed(null, 'es')).toBe(false);
  });
});

describe('country names after a preposition', () => {
  it('has an article for every one of the 21 member countries, in Spanish and Portuguese', () => {
    for (const c of memberCountries) {
      for (const lang of ['es', 'pt'] as const) expect([null, 'feminine', 'masculine'], `${c.code} ${lang}`).toContain(zoneArticle(c.timeZone, lang));
      expect(zoneArticle(c.timeZone, 'en'), c.code).toBeNull();
    }
  });

  it('writes "Horário da Guatemala", "do Peru", "de Portugal" in Portuguese', () => {
    expect(zoneTimeLabel('America/Guatemala', 'pt')).toBe('Horário da Guatemala');
    expect(zoneTimeLabel('America/Lima', 'pt')).toBe('Horário do Peru');
    expect(zoneTimeLabel('Europe/Lisbon', 'pt')).toBe('Horário de Portugal');
    expect(zoneTimeLabel('America/Sao_Paulo', 'pt')).toBe('Horário do Brasil');
    expect(zoneTimeLabel('Europe/Madrid', 'pt')).toBe('Horário da Espanha');
    expect(zoneTimeLabel('America/Havana', 'pt')).toBe('Horário de Cuba');
  });

  it("uses the pattern without article for a city, and the country's for its other zones", () => {
    expect(zoneTimeLabel('America/Manaus', 'pt')).toBe('Horário do Brasil (Manaus)');
    expect(zoneTimeLabel('America/Buenos_Aires', 'pt')).toBe('Horário da Argentina');
    expect(zoneTimeLabel('Asia/Tokyo', 'es')).toBe('Hora de Tokyo');
  });

  it('gives the Dominican Republic its article in Spanish, and English none', () => {
    expect(zoneTimeLabel('America/Santo_Domingo', 'es')).toBe('Hora de la República Dominicana');
    expect(zoneTimeLabel('America/Guatemala', 'es')).toBe('Hora de Guatemala');
    expect(zoneTimeLabel('America/Lima', 'en')).toBe('Peru time');
  });

  it('lists several zones as a sentence needs them', () => {
    expect(zonesInSentence(['America/Guatemala', 'America/Lima'], 'pt')).toBe('da Guatemala e do Peru');
    expect(zonesInSentence(['America/Guatemala', 'America/Lima'], 'es')).toBe('Guatemala y Perú');
    expect(zonesInSentence(['America/Guatemala', 'America/Santo_Domingo'], 'es')).toBe('Guatemala y la República Dominicana');
    expect(zonesInSentence(['America/Guatemala', 'America/Lima'], 'en')).toBe('Guatemala and Peru');
  });
});
