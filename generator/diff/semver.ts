import { RULES } from './rules.js';
import type { Bump, Change } from './types.js';

/** major when anything breaks, minor when the changelog has something to say, patch otherwise. */
export function suggestBump(changes: Change[]): Bump {
  if (changes.some((c) => c.level === 'breaking')) return 'major';
  if (changes.some((c) => RULES[c.rule].changelog)) return 'minor';
  return 'patch';
}

/** `1.4.2` + minor → `1.5.0`. Pre-release and build suffixes are dropped. */
export function nextVersion(version: string, bump: Bump): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`not a semver version: '${version}'`);
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
