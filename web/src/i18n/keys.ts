// Finds the English texts the code translates: literal first arguments of t() and m() calls,
// and the values of the *_LABELS maps and phrase tables (translated where they are shown).
export function extractKeys(source: string): string[] {
  const keys = new Set<string>();
  const call = /\b[tm]\(\s*(['"])((?:\\.|(?!\1).)*)\1/g;
  for (const match of source.matchAll(call)) keys.add(unescape(match[2]!));
  const table = /(?:_LABELS|Phrases|kScopeLabels)[^=\n]*=\s*{([^}]*)}/g;
  for (const match of source.matchAll(table)) {
    for (const entry of match[1]!.matchAll(/:\s*(['"])((?:\\.|(?!\1).)*)\1/g)) keys.add(unescape(entry[2]!));
  }
  return [...keys];
}

function unescape(text: string): string {
  return text.replace(/\\(['"\\])/g, '$1');
}
