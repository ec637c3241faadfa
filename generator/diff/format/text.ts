import type { Change, DiffResult } from '../types.js';

/** `sdkgen diff --format text`: one line per change, for a terminal or a log. */
export function textReport(result: DiffResult): string {
  const lines = [
    `from ${result.from.origin} (API ${result.from.apiVersion}, sha256 ${result.from.sha256.slice(0, 12)})`,
    `to   ${result.to.origin} (API ${result.to.apiVersion}, sha256 ${result.to.sha256.slice(0, 12)})`,
    `${result.changes.length} changes, ${result.breaking} breaking; suggested bump: ${result.bump}`,
    '',
    ...result.changes.map(line),
  ];
  return `${lines.join('\n')}\n`;
}

function line(change: Change): string {
  const level = change.level === 'breaking' ? 'BREAKING' : 'ok';
  const values = change.old !== undefined || change.new !== undefined ? `  ${short(change.old)} -> ${short(change.new)}` : '';
  return `${level.padEnd(8)} ${change.rule.padEnd(40)} ${change.subject}${values}`;
}

function short(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value).replace(/\s+/g, ' ');
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
