import { exampleId } from './example-ids.js';
import { exampleObject, exampleValue } from './example-values.js';
import type { Decl, Operation, WebhookEventType } from './types.js';

/**
 * Examples built from the model alone: what an operation returns, the params a call sends, and the
 * errors it can answer with. The values come from one walker (example-values.ts) under the policy each
 * use picks; the docs, the mock and tests get the same bytes every run.
 */

export { EXAMPLE_CREATED, exampleObject, exampleValue, type ValuePolicyName } from './example-values.js';
export { exampleId, idPrefix, objectNameOf } from './example-ids.js';

/**
 * What an operation returns, as JSON, with realistic values: the object, or a list / search page
 * (`{ object: 'list', data: [item], has_more: false, url }`).
 */
export function exampleResponse(op: Operation, index: Map<string, Decl>, events: WebhookEventType[] = []): unknown {
  const item = exampleValue(op.response.type, index, { policy: 'realistic', name: 'data', events });
  return responsePage(op, item, op.path.replace(/\/\{[^}]+\}$/, '').replace(/\{([^}]+)\}/g, (_, name: string) => exampleId(name)));
}

/** An operation's answer around one item: the item itself, or a list / search page at `url` holding it. */
export function responsePage(op: Operation, item: unknown, url: string): unknown {
  if (op.response.kind === 'list') return { object: 'list', data: [item], has_more: false, url };
  if (op.response.kind === 'search') return { object: 'search_result', data: [item], has_more: false, next_page: null, url };
  return item;
}

/**
 * A small, valid params object for the docs' snippets: every required field, plus `metadata` where
 * the operation takes it.
 */
export function exampleParams(op: Operation, index: Map<string, Decl>): Record<string, unknown> {
  const decl = op.params?.decl;
  return decl ? exampleObject(decl, index, { policy: 'request' }) : {};
}

/** One error an operation can answer with: the HTTP status and Stripe's `{ error: {...} }` body. */
export interface ErrorExample {
  status: number;
  /** When it happens, in a few words. */
  when: string;
  body: { error: { type: string; code?: string; decline_code?: string; message: string; param?: string; doc_url?: string } };
}

const PAYMENT_PATHS = /\/(payment_intents|setup_intents|charges|invoices\/\{[^}]+\}\/pay|subscriptions|sources|tokens|payment_methods)\b/;

/**
 * The error shapes an operation can return, in Stripe's `{ error: { type, code, message, param } }`:
 * a bad or missing parameter, an unknown id in the path, an invalid key, a card decline where a
 * payment can happen, an idempotency mismatch for a POST, rate limiting and a server error.
 */
export function exampleErrors(op: Operation): ErrorExample[] {
  const errors: ErrorExample[] = [];
  const required = op.params?.decl.body.kind === 'interface' ? op.params.decl.body.properties.find((p) => !p.optional) : undefined;
  errors.push(
    required
      ? {
          status: 400,
          when: 'A required parameter is missing',
          body: { error: { type: 'invalid_request_error', code: 'parameter_missing', message: `Missing required param: ${required.name}.`, param: required.name, doc_url: 'https://stripe.com/docs/error-codes/parameter-missing' } },
        }
      : {
          status: 400,
          when: 'A parameter is not one the operation takes',
          body: { error: { type: 'invalid_request_error', code: 'parameter_unknown', message: 'Received unknown parameter: unknown_param', param: 'unknown_param', doc_url: 'https://stripe.com/docs/error-codes/parameter-unknown' } },
        },
  );
  errors.push({
    status: 401,
    when: 'The API key is missing or invalid',
    body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_********************1234' } },
  });
  if (PAYMENT_PATHS.test(op.path) && op.method === 'POST') {
    errors.push({
      status: 402,
      when: 'The card was declined',
      body: { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', doc_url: 'https://stripe.com/docs/error-codes/card-declined' } },
    });
  }
  const last = op.pathParams[op.pathParams.length - 1];
  if (last) {
    errors.push({
      status: 404,
      when: `No object has that ${last.name}`,
      body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${last.name}: '${last.name}_unknown'`, param: last.name, doc_url: 'https://stripe.com/docs/error-codes/resource-missing' } },
    });
  }
  if (op.method === 'POST') {
    errors.push({
      status: 400,
      when: 'An idempotency key is reused with other parameters',
      body: { error: { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.' } },
    });
  }
  errors.push({
    status: 429,
    when: 'Too many requests in a short time',
    body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests hit the API too quickly.', doc_url: 'https://stripe.com/docs/error-codes/rate-limit' } },
  });
  errors.push({
    status: 500,
    when: 'Something went wrong on Stripe’s end (rare)',
    body: { error: { type: 'api_error', message: 'An unknown error occurred.' } },
  });
  return errors;
}
