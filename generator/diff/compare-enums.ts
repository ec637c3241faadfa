import type { FieldBase } from './compare-types.js';
import type { DiffContext, FieldScope } from './context.js';
import { fieldRule } from './rules.js';

/** Enum values added and removed, at one place (`Identity.VerificationSession.type`, `X.events[]`). */
export function compareEnum(
  ctx: DiffContext,
  scope: FieldScope,
  path: string,
  base: FieldBase,
  before: (string | number | boolean)[],
  after: (string | number | boolean)[],
): void {
  if (before.length === after.length && before.every((v, i) => v === after[i])) return;
  const had = new Set(before);
  const has = new Set(after);
  for (const value of after) {
    if (!had.has(value)) ctx.report(fieldRule(scope.direction, 'enum-value-added'), { ...base, subject: path, new: value });
  }
  for (const value of before) {
    if (!has.has(value)) ctx.report(fieldRule(scope.direction, 'enum-value-removed'), { ...base, subject: path, old: value });
  }
}
