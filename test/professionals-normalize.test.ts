/** Normal forms of names, numbers, logins and e-mails (subgraphs/professionals/normalize.ts). */
import { describe, it, expect } from 'vitest';
import {
  isFinessNumber,
  nationalNumberOf,
  normalizeName,
  parseAdeli,
  parseRpps,
  validEmail,
  validLogin,
  validName,
} from '../subgraphs/professionals/normalize.js';

describe('names', () => {
  it.each([
    ['Dupont', 'DUPONT'],
    ['  jean-françois  ', 'JEAN FRANCOIS'],
    ['Éloïse', 'ELOISE'],
    ["d'Hérouville", 'D HEROUVILLE'],
    ['d’Hérouville', 'D HEROUVILLE'],
    ['Le  Gall--Kervella', 'LE GALL KERVELLA'],
    ['Cœur', 'COEUR'],
    ['Lætitia', 'LAETITIA'],
    ['Müller', 'MULLER'],
    ['Ñúñez', 'NUNEZ'],
    ['ÇÀÉÈÊËÎÏÔÖÙÛÜŸ', 'CAEEEEIIOOUUUY'],
    ['\tMarie\nClaire ', 'MARIE CLAIRE'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected);
    expect(validName(raw)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const raw of ['Jean-François', "d'Arc", 'Éloïse  Marie']) expect(normalizeName(normalizeName(raw))).toBe(normalizeName(raw));
  });

  it('refuses empty names, digits, symbols and overlong names', () => {
    for (const raw of ['', '   ', '--', 'R2D2', 'Jean@Dupont', 'Dupont (né Martin)', 'A'.repeat(101)]) expect(validName(raw)).toBeNull();
    expect(validName('A'.repeat(100))).toBe('A'.repeat(100));
  });
});

describe('RPPS and ADELI numbers', () => {
  it('accept 11 digits for RPPS and 9 characters for ADELI, spaces removed', () => {
    expect(parseRpps('10 10 000 000 1')).toBe('10100000001');
    expect(parseRpps('1010000000')).toBeNull();
    expect(parseRpps('1010000000A')).toBeNull();
    expect(parseAdeli('75 1 23456 7')).toBe('751234567');
    expect(parseAdeli('2a1234567')).toBe('2A1234567');
    expect(parseAdeli('75123456')).toBeNull();
    expect(parseAdeli('7512345678')).toBeNull();
  });

  it('tell the kind of a stored number by its length', () => {
    expect(nationalNumberOf('10100000001')).toEqual({ kind: 'RPPS', value: '10100000001' });
    expect(nationalNumberOf('751234567')).toEqual({ kind: 'ADELI', value: '751234567' });
    expect(nationalNumberOf(null)).toBeNull();
  });
});

describe('logins and e-mails', () => {
  it('lower-case logins of 3 to 64 safe characters', () => {
    expect(validLogin(' Ref.Etab.Orleans ')).toBe('ref.etab.orleans');
    for (const bad of ['ab', '.dot', 'a b c', 'é.dupont', 'x'.repeat(65)]) expect(validLogin(bad)).toBeNull();
  });

  it('plausible e-mail addresses, trimmed', () => {
    expect(validEmail(' Jean.Dupont@chr-orleans.fr ')).toBe('Jean.Dupont@chr-orleans.fr');
    for (const bad of ['jean', 'jean@', '@x.fr', 'jean@localhost', 'jean dupont@x.fr', 'a@b@c.fr']) expect(validEmail(bad)).toBeNull();
  });
});

describe('perimeter ids', () => {
  // A unit's establishment is not read from its id any more (a transferred unit keeps it): the
  // offer subgraph says where a unit is (subgraphs/professionals/offer-units.ts).
  it('know FINESS numbers', () => {
    expect(isFinessNumber('450002613')).toBe(true);
    expect(isFinessNumber('2A0000123')).toBe(true);
    expect(isFinessNumber('45000261')).toBe(false);
  });
});
