import type { RuleId } from './rules.js';

/** Breaking: a call or a type that compiled against the old package may fail against the new one. */
export type Level = 'breaking' | 'non-breaking';

export type Bump = 'major' | 'minor' | 'patch';

/** Which side of the wire a change is on: it decides whether a change breaks callers or readers. */
export type Direction = 'request' | 'response' | 'operation';

/** An operation as the generated package names it. */
export interface OperationRef {
  /** The spec's operationId. */
  id: string;
  /** `client.identity.verificationSessions.create`. */
  sdk: string;
  /** `postIdentityVerificationSessions`: the flat method on the client. */
  flat: string;
  method: string;
  path: string;
}

/** One change between two specs, in the generated package's names. */
export interface Change {
  rule: RuleId;
  level: Level;
  direction: Direction;
  /**
   * What changed, as the changelog names it: a field path (`Identity.VerificationSession.options`,
   * `Checkout.Session.custom_fields[].dropdown`), a type (`Issuing.Token`) or a method (`client.x.y.create`).
   */
  subject: string;
  /** For a field: the path of the object that holds it (`Identity.VerificationSession`). */
  owner?: string;
  /** For a field: its wire name (`options`). For a method: its name (`create`). */
  name?: string;
  /** The declaration that holds the field, in the new model (the old one for a removal). */
  declaration?: string;
  /** For a query parameter: `query`; for a body field: `body`. Absent for responses. */
  in?: 'query' | 'body';
  /** The operations whose params or result the change touches. */
  operations: OperationRef[];
  /** JSON pointers into each spec; absent on the side where the thing does not exist. */
  location: { old?: string; new?: string };
  old?: unknown;
  new?: unknown;
  /** For a change of a field's type: both types in stripe-node's changelog notation (`emptyStringable(string)`). */
  types?: { old: string; new: string };
}

export interface SpecSide {
  origin: string;
  sha256: string;
  apiVersion: string;
}

export interface DiffResult {
  from: SpecSide;
  to: SpecSide;
  changes: Change[];
  bump: Bump;
  breaking: number;
}
