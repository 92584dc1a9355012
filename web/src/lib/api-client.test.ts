import { describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, fieldMaskJson, queryString } from './api-client';

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

describe('apiRequest errors', () => {
  it("shows the server's words in the reader's language and keeps the field violations", async () => {
    const body = {
      code: 3,
      message: 'invalid request: email: required',
      details: [
        { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'email', description: 'verplicht' }] },
        { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'nl-NL', message: 'ongeldige aanvraag: email: verplicht' },
      ],
      requestId: 'r1',
    };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status: 400 })));
    try {
      const error = await apiRequest('POST', '/v1/x', {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).message).toBe('ongeldige aanvraag: email: verplicht');
      expect((error as ApiError).fieldError('email')).toBe('verplicht');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('falls back to the message where no LocalizedMessage came', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ code: 5, message: 'claim 9 not found' }), { status: 404 })));
    try {
      const error = await apiRequest('GET', '/v1/claims/9').catch((e: unknown) => e);
      expect((error as ApiError).message).toBe('claim 9 not found');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
