import { describe, expect, it } from 'vitest';
import { diffSnapshots, prettyJson, showValue } from './diff';

describe('diffSnapshots', () => {
  it('lists only the changed fields with old and new values', () => {
    const before = JSON.stringify({ id: 62, status: 1, payment_reference: '', total: '440.00', meta: { a: 1, b: 2 } });
    const after = JSON.stringify({ id: 62, status: 2, payment_reference: 'SEPA-1', total: '440.00', meta: { b: 2, a: 1 } });
    const diff = diffSnapshots(before, after);
    expect(diff.changes).toEqual([
      { key: 'status', kind: 'changed', before: 1, after: 2 },
      { key: 'payment_reference', kind: 'changed', before: '', after: 'SEPA-1' },
    ]);
    // Same object with its keys in another order is unchanged.
    expect(diff.unchanged).toEqual(['id', 'total', 'meta']);
    expect(diff.created).toBe(false);
    expect(diff.deleted).toBe(false);
  });

  it('tells added and removed keys apart, and null from a missing key', () => {
    const diff = diffSnapshots('{"a":1,"gone":"x","revoked_at":null}', '{"a":1,"revoked_at":"2026-12-01 20:12:33","new":true}');
    expect(diff.changes).toEqual([
      { key: 'revoked_at', kind: 'changed', before: null, after: '2026-12-01 20:12:33' },
      { key: 'new', kind: 'added', after: true },
      { key: 'gone', kind: 'removed', before: 'x' },
    ]);
  });

  it('treats an empty before as a create and an empty after as a delete', () => {
    const created = diffSnapshots('', '{"id":7,"name":"Run"}');
    expect(created.created).toBe(true);
    expect(created.changes.map((c) => c.kind)).toEqual(['added', 'added']);
    const deleted = diffSnapshots('{"id":7}', '');
    expect(deleted.deleted).toBe(true);
    expect(deleted.changes).toEqual([{ key: 'id', kind: 'removed', before: 7 }]);
  });

  it('marks snapshots that are not JSON objects as unreadable', () => {
    expect(diffSnapshots('not json', '{}').unreadable).toBe(true);
    expect(diffSnapshots('[1,2]', '{}').unreadable).toBe(true);
    expect(diffSnapshots('', '').changes).toEqual([]);
  });
});

describe('showValue and prettyJson', () => {
  it('shows strings bare and other values as JSON', () => {
    expect(showValue('SEPA-1')).toBe('SEPA-1');
    expect(showValue(2)).toBe('2');
    expect(showValue({ a: [1] })).toBe('{"a":[1]}');
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('broken{')).toBe('broken{');
  });
});
