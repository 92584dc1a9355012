// Before/after snapshots of an audited row, compared field by field.

export type Snapshot = Record<string, unknown>;

export interface FieldChange {
  key: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface SnapshotDiff {
  // The entity did not exist before (a create) or after (a delete).
  created: boolean;
  deleted: boolean;
  changes: FieldChange[];
  // Keys present with the same value on both sides.
  unchanged: string[];
  // A side that is not a JSON object (kept as text to show raw).
  unreadable: boolean;
}

// Parses a snapshot: "" is no row; anything but a JSON object is unreadable.
export function parseSnapshot(json: string): Snapshot | null | 'unreadable' {
  if (!json.trim()) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Snapshot) : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

// Key-order-independent equality of JSON values.
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Snapshot).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

// The fields that changed between two snapshots, in the order of the after row (then removed
// keys). A create lists every field as added; a delete every field as removed.
export function diffSnapshots(beforeJson: string, afterJson: string): SnapshotDiff {
  const before = parseSnapshot(beforeJson);
  const after = parseSnapshot(afterJson);
  if (before === 'unreadable' || after === 'unreadable') {
    return { created: false, deleted: false, changes: [], unchanged: [], unreadable: true };
  }
  const b = before ?? {};
  const a = after ?? {};
  const changes: FieldChange[] = [];
  const unchanged: string[] = [];
  for (const key of Object.keys(a)) {
    if (!(key in b)) changes.push({ key, kind: 'added', after: a[key] });
    else if (!same(b[key], a[key])) changes.push({ key, kind: 'changed', before: b[key], after: a[key] });
    else unchanged.push(key);
  }
  for (const key of Object.keys(b)) {
    if (!(key in a)) changes.push({ key, kind: 'removed', before: b[key] });
  }
  return { created: before === null && after !== null, deleted: after === null && before !== null, changes, unchanged, unreadable: false };
}

// A JSON value as a short readable text: strings without quotes, null as "null", objects as JSON.
export function showValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

// The raw snapshot pretty-printed (or as stored when it is not JSON).
export function prettyJson(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
