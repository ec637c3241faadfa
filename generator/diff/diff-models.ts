import type { ApiModel } from '../model/types.js';
import type { OpenApiDocument } from '../load/openapi-types.js';
import { compareOperations } from './compare-operations.js';
import { compareResources } from './compare-resources.js';
import { DiffContext, modelSide } from './context.js';
import type { LevelOverrides } from './rules.js';
import { suggestBump } from './semver.js';
import type { Change, DiffResult } from './types.js';

export interface DiffOptions {
  /** Levels from `sdkgen.config.json` that replace the rules' defaults. */
  levels?: LevelOverrides;
}

export interface DiffInput {
  model: ApiModel;
  document: OpenApiDocument;
  origin: string;
}

/** The diff of two models of the same API: every change, its level, and the version bump they call for. */
export function diffModels(before: DiffInput, after: DiffInput, options: DiffOptions = {}): DiffResult {
  const ctx = new DiffContext(modelSide(before.model, before.document), modelSide(after.model, after.document), options.levels);
  compareResources(ctx);
  compareOperations(ctx);
  const changes = ctx.changes.sort(changeOrder);
  return {
    from: { origin: before.origin, sha256: before.model.specSha256, apiVersion: before.model.apiVersion },
    to: { origin: after.origin, sha256: after.model.specSha256, apiVersion: after.model.apiVersion },
    changes,
    bump: suggestBump(changes),
    breaking: changes.filter((c) => c.level === 'breaking').length,
  };
}

function changeOrder(a: Change, b: Change): number {
  return compare(a.subject, b.subject) || compare(a.rule, b.rule) || compare(String(a.new ?? a.old), String(b.new ?? b.old));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
