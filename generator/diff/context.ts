import type { OpenApiDocument } from '../load/openapi-types.js';
import type { ApiModel, Decl, Operation } from '../model/types.js';
import { RULES, type LevelOverrides, type RuleId } from './rules.js';
import type { DeclLookup } from './type-shape.js';
import type { Change, Level, OperationRef } from './types.js';

/** One side of the diff: a model, its spec, and its declarations by id (model pointers are the spec's own). */
export interface ModelSide {
  model: ApiModel;
  document: OpenApiDocument;
  decl: DeclLookup;
}

export function modelSide(model: ApiModel, document: OpenApiDocument): ModelSide {
  const index = new Map<string, Decl>();
  const visit = (decl: Decl) => {
    index.set(decl.id, decl);
    decl.children.forEach(visit);
  };
  model.declarations.forEach(visit);
  return { model, document, decl: (id) => index.get(id) };
}

/** Where a field walk is: which side of the wire, and which operations it concerns. */
export interface FieldScope {
  direction: 'request' | 'response';
  in?: 'query' | 'body';
  operations: OperationRef[];
}

/** The state of one diff: both sides and the changes found so far. */
export class DiffContext {
  readonly changes: Change[] = [];
  /** Nested type pairs (`direction:old>new`) walked completely without a change. */
  readonly unchanged = new Set<string>();
  /** How many times a walk stopped at a type it was already inside. */
  cycles = 0;

  constructor(
    readonly old: ModelSide,
    readonly new_: ModelSide,
    private readonly levels: LevelOverrides = {},
  ) {}

  /** Records a change; `level` is the rule's own unless the caller decided it, and the config has the last word. */
  report(rule: RuleId, change: Omit<Change, 'rule' | 'level'>, decided: Level = RULES[rule].level): void {
    const level = this.levels[rule] ?? decided;
    const location: Change['location'] = {};
    if (change.location.old !== undefined) location.old = change.location.old;
    if (change.location.new !== undefined) location.new = change.location.new;
    this.changes.push({ rule, level, ...change, location });
  }
}

export function operationRef(op: Operation): OperationRef {
  const n = op.names;
  return {
    id: op.id,
    sdk: `client.${n.call}`,
    flat: n.flat,
    method: op.method,
    path: op.path,
  };
}

/** The resource class of an operation, as the package names it: `Identity.VerificationSessions`. */
export function resourceName(op: Operation): string {
  return op.names.resourceId;
}
