import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@eidor/contract';
import { ROLES, UNIT_KINDS } from '@eidor/domain';
import { en } from './en.ts';
import { nb } from './nb.ts';
import { nn } from './nn.ts';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a resource tree as [dotted key, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const languages = { nb, nn, en } as const;

describe('translations', () => {
  const nbKeys = leaves(nb).map(([key]) => key).sort();

  it.each(['nn', 'en'] as const)('%s has exactly the keys of nb', (language) => {
    const keys = leaves(languages[language]).map(([key]) => key).sort();
    expect(keys.filter((k) => !nbKeys.includes(k))).toEqual([]);
    expect(nbKeys.filter((k) => !keys.includes(k))).toEqual([]);
  });

  it.each(['nb', 'nn', 'en'] as const)('%s has no empty texts', (language) => {
    expect(leaves(languages[language]).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it.each(['nn', 'en'] as const)('%s uses the same {{variables}} as nb in every text', (language) => {
    const other = new Map(leaves(languages[language]));
    const mismatched = leaves(nb)
      .filter(([key, text]) => JSON.stringify(variables(text)) !== JSON.stringify(variables(other.get(key) ?? '')))
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('names every error code of the contract, every role and every unit kind', () => {
    const keys = new Set(nbKeys);
    const missing = [
      ...ERROR_CODES.map((code) => `errors.${code}`),
      ...ROLES.map((role) => `roles.${role}`),
      ...UNIT_KINDS.map((kind) => `unitKinds.${kind}`),
    ].filter((key) => !keys.has(key));
    expect(missing).toEqual([]);
  });

  it('uses the municipality’s Norwegian titles for roles and unit kinds', () => {
    expect(nb.roles.advisor).toBe('Rådgiver, flyktningtjenesten');
    expect(nb.roles.settlement_officer).toBe('Bosettingskonsulent');
    expect(nb.unitKinds.adult_education).toBe('Voksenopplæring');
  });
});
