// A browser's User-Agent as people name it: "Firefox on Windows", "Safari on iPhone".
const kBrowsers: Array<[RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/curl\//, 'curl'],
];

const kSystems: Array<[RegExp, string]> = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

export interface AgentParts {
  browser: string | null;
  system: string | null;
}

export function describeAgent(agent: string | undefined): AgentParts {
  const ua = agent ?? '';
  return {
    browser: kBrowsers.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
    system: kSystems.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
  };
}
