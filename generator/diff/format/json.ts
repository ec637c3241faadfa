import { changelogBullets } from '../changelog/bullets.js';
import type { DiffResult } from '../types.js';

/** `sdkgen diff --format json`: every change with its rule, level, operations and pointers, plus the changelog. */
export function jsonReport(result: DiffResult): string {
  const report = {
    from: result.from,
    to: result.to,
    bump: result.bump,
    breaking: result.breaking,
    changes: result.changes,
    changelog: changelogBullets(result.changes).map((b) => b.text),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
