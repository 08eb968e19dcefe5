/** Names of départements and régions from the official administrative division (issue 19), and the FINESS overseas spellings. */
import { describe, it, expect } from 'vitest';
import { departmentName, regionName, regionOfDepartment } from '../platform/admin-divisions.js';
import { regionOfDepartment as regionOfFinessDepartment } from '../subgraphs/offer/finess/regions.js';

describe('administrative division', () => {
  it('names départements, Corsica and the five overseas départements included', () => {
    expect(departmentName('41')).toBe('Loir-et-Cher');
    expect(departmentName('01')).toBe('Ain');
    expect(departmentName('2A')).toBe('Corse-du-Sud');
    expect(departmentName('2B')).toBe('Haute-Corse');
    expect(['971', '972', '973', '974', '976'].map(departmentName)).toEqual(['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']);
  });

  it('knows no département for an unknown code, a former one (20) or an overseas collectivity', () => {
    for (const code of ['', '00', '20', '96', '975', '988', '41 ', 'Loir-et-Cher']) expect(departmentName(code), code).toBeNull();
  });

  it('gives the région of a département (régions of 2016), and names régions', () => {
    expect(regionOfDepartment('41')).toEqual({ code: '24', name: 'Centre-Val de Loire' });
    expect(regionOfDepartment('2A')).toEqual({ code: '94', name: 'Corse' });
    expect(regionOfDepartment('976')).toEqual({ code: '06', name: 'Mayotte' });
    expect(regionOfDepartment('975')).toBeUndefined();
    expect(regionName('11')).toBe('Île-de-France');
    expect(regionName('975')).toBeNull();
    expect(regionName('99')).toBeNull();
  });

  it('reads the FINESS overseas spellings 9A…9F as 971…976', () => {
    expect(['9A', '9B', '9C', '9D', '9F'].map((d) => regionOfFinessDepartment(d)?.code)).toEqual(['01', '02', '03', '04', '06']);
    expect(regionOfFinessDepartment('37')).toEqual({ code: '24', name: 'Centre-Val de Loire' });
    expect(regionOfFinessDepartment('9E')).toBeUndefined(); // Saint-Pierre-et-Miquelon: a collectivity, no région
    expect(regionOfFinessDepartment('9Z')).toBeUndefined();
  });
});
