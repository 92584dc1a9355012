import { describe, expect, it } from 'vitest';
import { fieldMaskJson, queryString } from './api-client';

describe('fieldMaskJson', () => {
  it('writes proto paths in lowerCamelCase, nested ones too', () => {
    expect(fieldMaskJson(['currency_code', 'eligible_skus', 'eligibility.partner_types', 'name'])).toBe(
      'currencyCode,eligibleSkus,eligibility.partnerTypes,name',
    );
  });
});

describe('queryString', () => {
  it('leaves out empty values and repeats arrays', () => {
    expect(queryString({ a: 1, b: '', c: undefined, d: ['x', 'y'] })).toBe('?a=1&d=x&d=y');
    expect(queryString({})).toBe('');
  });
});
