import { describe, expect, it } from 'vitest';
import { addDecimals, compareDecimals, fromUnits, isPositive, multiplyDecimal, percentOf, toUnits } from './decimal';

describe('decimal strings', () => {
  it.each([
    [['0.10', '0.20'], '0.3'],
    [['1234.50', '-0.50'], '1234'],
    [['739.60', '790.66', '48.36'], '1578.62'],
    [['-3', '1.0001'], '-1.9999'],
    [[], '0'],
    [['', '5'], '5'],
  ])('adds %j exactly to %s', (values, sum) => {
    expect(addDecimals(...values)).toBe(sum);
  });

  it.each([
    ['18500.00', 2, '37000'],
    ['0.0001', 3, '0.0003'],
    ['39468', 0, '0'],
  ])('multiplies %s by %i', (value, count, product) => {
    expect(multiplyDecimal(value, count)).toBe(product);
  });

  it.each([
    ['36980.00', '50000.00', 73],
    ['0', '100', 0],
    ['150', '100', 100],
    ['5', '0', 100],
    ['-5', '10', 0],
  ])('%s of %s is %i%% for progress bars', (current, target, pct) => {
    expect(percentOf(current, target)).toBe(pct);
  });

  it('orders and round-trips', () => {
    expect(compareDecimals('2.5', '2.50')).toBe(0);
    expect(compareDecimals('-1', '0.1')).toBe(-1);
    expect(fromUnits(toUnits('-0.050'))).toBe('-0.05');
    expect(() => toUnits('1e5')).toThrow();
  });

  it.each([
    ['1110.00', true],
    ['0.01', true],
    ['0', false],
    ['', false],
    [undefined, false],
    ['-3', false],
  ])('%s is positive: %s', (value, positive) => {
    expect(isPositive(value)).toBe(positive);
  });
});
