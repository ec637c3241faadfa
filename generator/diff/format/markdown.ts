import { changelogBullets } from '../changelog/bullets.js';
import { code } from '../changelog/wording.js';
import type { DiffResult, SpecSide } from '../types.js';

/** `sdkgen diff --format md`: a heading naming both specs, the suggested bump, then the changelog bullets. */
export function markdownReport(result: DiffResult): string {
  const bullets = changelogBullets(result.changes);
  const lines = [
    `## Changes from ${side(result.from)} to ${side(result.to)}`,
    '',
    `Suggested version bump: **${result.bump}** (${count(result.breaking, 'breaking change')}).`,
    '',
    ...(bullets.length ? bullets.map((b) => `- ${b.text}`) : ['- No changes to the generated package.']),
  ];
  return `${lines.join('\n')}\n`;
}

/** The bullets alone, as Markdown list items: what `sdkgen update` puts in the package's CHANGELOG.md. */
export function markdownBullets(result: DiffResult): string[] {
  return changelogBullets(result.changes).map((b) => b.text);
}

function side(spec: SpecSide): string {
  return `API version ${code(spec.apiVersion)} (spec sha256 ${code(spec.sha256.slice(0, 12))})`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
