import type { WebhookEventType } from '../../../model/types.js';

/** What a trigger does to an object: its new state and the fields as they were. */
export interface TriggerPlan {
  object: Record<string, unknown>;
  previousAttributes: Record<string, unknown>;
}

/** A trigger that cannot apply; the message says why, for a 400 answer or a CLI error line. */
export class TriggerError extends Error {}

/** Fields a state sets besides `status`, where Stripe sets them (per event type). */
const STATE_FIELDS: Record<string, Record<string, unknown>> = {
  'identity.verification_session.verified': { last_error: null },
  'identity.verification_session.requires_input': {
    last_error: { code: 'document_unverified_other', reason: 'The document could not be verified (set by the mock trigger).' },
  },
  'identity.verification_session.canceled': { last_error: null },
};

/**
 * Moves an object to the state an event type names, so that `sdkgen mock trigger
 * identity.verification_session.verified --id vs_…` can finish an asynchronous flow offline: the
 * type's action is a value of the object's `status` enum in the spec (`verified`, `succeeded`,
 * `canceled` …), or `redacted`, which completes the object's `redaction`.
 */
export class Triggers {
  /** Event type → the object values it is about, their states (`status` values) and whether they have a redaction. */
  private readonly targets = new Map<string, { objectValues: string[]; statuses: string[]; hasRedaction: boolean }>();

  constructor(events: readonly WebhookEventType[]) {
    for (const event of events) {
      this.targets.set(event.type, {
        objectValues: event.objects.map((o) => o.value),
        statuses: event.objects.flatMap((o) => o.status?.values ?? []),
        hasRedaction: event.objects.some((o) => o.redaction !== undefined),
      });
    }
  }

  /** The event types a trigger can produce, sorted. */
  supported(): string[] {
    return [...this.targets.entries()].filter(([type, t]) => this.actionOf(type, t) !== undefined).map(([type]) => type).sort();
  }

  plan(type: string, object: Record<string, unknown>): TriggerPlan {
    const target = this.targets.get(type);
    if (!target) throw new TriggerError(`'${type}' is not an event type of this spec`);
    if (!target.objectValues.includes(String(object.object))) {
      throw new TriggerError(`'${type}' is about ${target.objectValues.join(' or ') || 'no known object'}, and '${String(object.id)}' is a ${String(object.object)}`);
    }
    const action = this.actionOf(type, target);
    if (!action) throw new TriggerError(`the mock cannot move a ${String(object.object)} to '${type.slice(type.lastIndexOf('.') + 1)}': it triggers states of the object's status and redactions`);
    const changes: Record<string, unknown> = action === 'redacted' ? { redaction: { status: 'redacted' } } : { status: action, ...(Object.hasOwn(STATE_FIELDS, type) ? STATE_FIELDS[type] : {}) };
    const previousAttributes: Record<string, unknown> = {};
    const next = structuredClone(object);
    for (const [field, value] of Object.entries(changes)) {
      if (JSON.stringify(object[field]) === JSON.stringify(value)) continue;
      previousAttributes[field] = object[field] ?? null;
      next[field] = value;
    }
    return { object: next, previousAttributes };
  }

  private actionOf(type: string, target: { statuses: string[]; hasRedaction: boolean }): string | undefined {
    const action = type.slice(type.lastIndexOf('.') + 1);
    if (target.statuses.includes(action)) return action;
    if (action === 'redacted' && target.hasRedaction) return action;
    return undefined;
  }
}
