import { describe, expect, it } from 'vitest';
import { extractKeys } from './keys';
import { dutch } from './tables';

// Every Dutch table as kept: the shared one and each feature's.
const dutchTables = import.meta.glob<Record<string, string>>(['./nl.json', '../features/*/nl.json'], {
  import: 'default',
  eager: true,
});

// Every source file of the portal as text (tests left out).
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('Dutch translations', () => {
  const keys = new Set(Object.values(sources).flatMap((text) => extractKeys(text)));

  it('finds the texts the portal shows', () => {
    expect(keys.has('Sign in')).toBe(true);
    expect(keys.has('Dashboard')).toBe(true);
    expect(keys.has('Needs info')).toBe(true);
  });

  it('has every text the code translates', () => {
    const missing = [...keys].filter((key) => !(key in dutch) && !(`${key}_one` in dutch));
    expect(missing).toEqual([]);
  });

  it('gives each text one Dutch translation, wherever it is kept', () => {
    const seen = new Map<string, string>();
    const conflicts: string[] = [];
    for (const table of Object.values(dutchTables)) {
      for (const [key, value] of Object.entries(table)) {
        const earlier = seen.get(key);
        if (earlier !== undefined && earlier !== value) conflicts.push(`${key}: "${earlier}" or "${value}"`);
        seen.set(key, value);
      }
    }
    expect(conflicts).toEqual([]);
  });

  it('keeps every placeholder of the English text', () => {
    const wrong = Object.entries(dutch).filter(([key, value]) => {
      const names = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort().join(',');
      return names(key.replace(/_(one|other)$/, '')) !== names(value);
    });
    expect(wrong).toEqual([]);
  });
});
