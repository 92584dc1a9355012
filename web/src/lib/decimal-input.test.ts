import { describe, expect, it } from 'vitest';
import { decimalInput, formatDecimalInput, parseDecimalInput } from './decimal-input';

describe('parseDecimalInput', () => {
  it.each([
    ['en', '5000', '5000'],
    ['en', '5,000', '5000'],
    ['en', '1,234,567.89', '1234567.89'],
    ['en', ' 2.5 ', '2.5'],
    ['en', '-0.75', '-0.75'],
    ['en', '', ''],
    ['en', '2,5', null],
    ['en', '50,00', null],
    ['en', '1.2.3', null],
    ['en', '12a', null],
    ['nl', '5.000', '5000'],
    ['nl', '5.000,50', '5000.50'],
    ['nl', '2,5', '2.5'],
    ['nl', '1 000,25', '1000.25'],
    ['nl', '2.5', null],
    ['nl', '2,5,0', null],
  ])('%s "%s" → %s', (language, text, expected) => {
    expect(parseDecimalInput(text, language)).toBe(expected);
  });

  it('sends what does not parse as typed, for the server to name the field', () => {
    expect(decimalInput(' 2,5 ', 'en')).toBe('2,5');
    expect(decimalInput('5,000', 'en')).toBe('5000');
  });

  it('writes API decimals the way it reads them back', () => {
    for (const language of ['en', 'nl']) {
      for (const value of ['2.125', '100.000', '5000', '-0.5', '18500.00']) {
        expect(parseDecimalInput(formatDecimalInput(value, language), language)).toBe(value);
      }
    }
    expect(formatDecimalInput('2.125', 'nl')).toBe('2,125');
  });
});
