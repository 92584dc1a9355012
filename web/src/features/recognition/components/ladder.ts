import { compareDecimals } from '@/lib/decimal';
import { parseWholeInput } from '@/lib/decimal-input';

export interface LadderRow {
  // A stable React key for the row while editing.
  key: string;
  name: string;
  minPoints: string;
}

export const kMaxLevels = 20;

// Problems the server would name too, found before sending: keyed by its field paths
// ("levels[2].min_points", "levels"), in English (translated where shown).
export function validateLadder(rows: LadderRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (rows.length === 0 || rows.length > kMaxLevels) errors.levels = 'Give 1 to 20 levels';
  const names = new Set<string>();
  let previous: string | null = null;
  rows.forEach((row, i) => {
    const name = row.name.trim();
    if (!name) errors[`levels[${i}].name`] = 'Required';
    else if (name.length > 60) errors[`levels[${i}].name`] = 'At most 60 characters';
    else if (names.has(name.toLowerCase())) errors[`levels[${i}].name`] = 'Another level has this name';
    names.add(name.toLowerCase());
    const points = parseWholeInput(row.minPoints);
    if (points === null || points.length > 15) {
      errors[`levels[${i}].min_points`] = 'Whole points, 0 or more';
      previous = null;
      return;
    }
    if (i === 0 && compareDecimals(points, '0') !== 0) errors[`levels[${i}].min_points`] = 'The first level starts at 0 points';
    else if (previous !== null && compareDecimals(points, previous) <= 0) errors[`levels[${i}].min_points`] = 'Higher than the level above';
    previous = points;
  });
  return errors;
}

// The request body of PUT /v1/levels: names trimmed, points as whole numbers (validated rows).
export function ladderRequest(rows: LadderRow[]): Array<{ name: string; minPoints: string }> {
  return rows.map((r) => ({ name: r.name.trim(), minPoints: parseWholeInput(r.minPoints) ?? r.minPoints.trim() }));
}
