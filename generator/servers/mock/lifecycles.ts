import type { Decl } from '../../model/types.js';
import type { FormObject } from './form-decode.js';
import { enumValues, randomToken } from './object-builder.js';
import type { StoredObject } from './object-store.js';

/** A refused action, answered as Stripe does (400). */
export interface LifecycleRefusal {
  code?: string;
  message: string;
  /** Extra fields of the error body (Stripe puts the PaymentIntent in its state errors). */
  extra?: Record<string, unknown>;
}

interface Lifecycle {
  /** Sets the state a create implies; may refuse (a create with `confirm=true` confirms). */
  create?(object: StoredObject, params: FormObject, now: number): LifecycleRefusal | undefined;
  /** Actions by their path's last segment; an action not listed leaves the state alone. */
  actions: Record<string, (object: StoredObject, params: FormObject, now: number) => LifecycleRefusal | undefined>;
}

/** A status a create gives, when the type's lifecycle is not modelled: the first of these the enum has. */
const STARTING_STATUSES = ['requires_input', 'requires_payment_method', 'open', 'draft', 'active', 'pending', 'incomplete', 'available', 'created', 'new', 'succeeded', 'paid', 'complete'];
const ENDED = new Set(['canceled', 'cancelled', 'expired', 'failed', 'void', 'deleted', 'inactive', 'rejected', 'reversed', 'lost']);

/** Sets what a create implies: the modelled lifecycle's starting state, or a plausible one from the `status` enum. */
export function onCreate(objectName: string, decl: Decl, index: Map<string, Decl>, object: StoredObject, params: FormObject, now: number): LifecycleRefusal | undefined {
  if (decl.body.kind === 'interface' && typeof object.status === 'string' && params.status === undefined) {
    const status = decl.body.properties.find((p) => p.name === 'status');
    const values = status ? enumValues(status.type, index) : [];
    const start = STARTING_STATUSES.find((s) => values.includes(s)) ?? values.find((v) => !ENDED.has(v));
    if (start) object.status = start;
  }
  return lifecycleOf(objectName)?.create?.(object, params, now);
}

/** Applies an action (`cancel`, `confirm` …) to a copy of a stored object, or says why it is refused. */
export function onAction(objectName: string, action: string, object: StoredObject, params: FormObject, now: number): LifecycleRefusal | undefined {
  const actions = lifecycleOf(objectName)?.actions;
  return actions && Object.hasOwn(actions, action) ? actions[action]!(object, params, now) : undefined;
}

/** Object names come from the spec: only the table's own entries count (never `constructor`). */
function lifecycleOf(objectName: string): Lifecycle | undefined {
  return Object.hasOwn(LIFECYCLES, objectName) ? LIFECYCLES[objectName] : undefined;
}

const secret = (object: StoredObject) => `${String(object.id)}_secret_${randomToken()}`;

function paymentIntentState(object: StoredObject, verb: string, allowed: string[], past: string): LifecycleRefusal | undefined {
  const status = String(object.status);
  if (allowed.includes(status)) return undefined;
  return {
    code: 'payment_intent_unexpected_state',
    message: `You cannot ${verb} this PaymentIntent because it has a status of ${status}. Only a PaymentIntent with one of the following statuses may be ${past}: ${allowed.join(', ')}.`,
    extra: { doc_url: 'https://stripe.com/docs/error-codes/payment-intent-unexpected-state', payment_intent: object },
  };
}

const confirmPaymentIntent = (object: StoredObject, params: FormObject): LifecycleRefusal | undefined => {
  const refusal = paymentIntentState(object, 'confirm', ['requires_payment_method', 'requires_confirmation', 'requires_action'], 'confirmed');
  if (refusal) return refusal;
  if (typeof params.payment_method === 'string') object.payment_method = params.payment_method;
  if (!object.payment_method) {
    return {
      code: 'payment_intent_unexpected_state',
      message: "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      extra: { doc_url: 'https://stripe.com/docs/error-codes/payment-intent-unexpected-state', payment_intent: object },
    };
  }
  if (object.capture_method === 'manual') {
    object.status = 'requires_capture';
    object.amount_capturable = object.amount;
  } else {
    object.status = 'succeeded';
    object.amount_received = object.amount;
  }
  return undefined;
};

const LIFECYCLES: Record<string, Lifecycle> = {
  'identity.verification_session': {
    create(object) {
      object.status = 'requires_input';
      object.client_secret = secret(object);
      object.url = `https://verify.stripe.com/start/test_${randomToken()}`;
      return undefined;
    },
    actions: {
      cancel(object) {
        if (object.status !== 'requires_input') return { message: `This VerificationSession has a status of ${String(object.status)} and can only be canceled while it is requires_input.` };
        object.status = 'canceled';
        object.client_secret = null;
        object.url = null;
        return undefined;
      },
      redact(object) {
        if (object.status === 'processing') return { message: 'A VerificationSession cannot be redacted while it is processing.' };
        // Stripe cancels a session that was still waiting for input when it is redacted.
        if (object.status === 'requires_input') object.status = 'canceled';
        object.redaction = { status: 'redacted' };
        object.client_secret = null;
        object.url = null;
        return undefined;
      },
    },
  },
  payment_intent: {
    create(object, params) {
      object.status = object.payment_method ? 'requires_confirmation' : 'requires_payment_method';
      object.client_secret = secret(object);
      if (params.capture_method === undefined) object.capture_method = 'automatic';
      if (params.confirmation_method === undefined) object.confirmation_method = 'automatic';
      if (Array.isArray(object.payment_method_types) && object.payment_method_types.length === 0) object.payment_method_types = ['card'];
      return params.confirm === 'true' ? confirmPaymentIntent(object, params) : undefined;
    },
    actions: {
      confirm: confirmPaymentIntent,
      capture(object, params) {
        const refusal = paymentIntentState(object, 'capture', ['requires_capture'], 'captured');
        if (refusal) return refusal;
        object.status = 'succeeded';
        object.amount_received = typeof params.amount_to_capture === 'string' ? Number(params.amount_to_capture) : object.amount;
        object.amount_capturable = 0;
        return undefined;
      },
      cancel(object, params, now) {
        const refusal = paymentIntentState(object, 'cancel', ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'], 'canceled');
        if (refusal) return refusal;
        object.status = 'canceled';
        object.canceled_at = now;
        object.cancellation_reason = typeof params.cancellation_reason === 'string' ? params.cancellation_reason : null;
        object.amount_capturable = 0;
        return undefined;
      },
    },
  },
  setup_intent: {
    create(object, params) {
      object.status = object.payment_method ? 'requires_confirmation' : 'requires_payment_method';
      object.client_secret = secret(object);
      if (params.confirm === 'true' && object.payment_method) object.status = 'succeeded';
      return undefined;
    },
    actions: {
      confirm(object, params) {
        if (typeof params.payment_method === 'string') object.payment_method = params.payment_method;
        if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(String(object.status)) || !object.payment_method) {
          return { code: 'setup_intent_unexpected_state', message: `You cannot confirm this SetupIntent because it has a status of ${String(object.status)}${object.payment_method ? '' : ' and no payment method'}.` };
        }
        object.status = 'succeeded';
        return undefined;
      },
      cancel(object, params) {
        if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(String(object.status))) {
          return { code: 'setup_intent_unexpected_state', message: `You cannot cancel this SetupIntent because it has a status of ${String(object.status)}.` };
        }
        object.status = 'canceled';
        object.cancellation_reason = typeof params.cancellation_reason === 'string' ? params.cancellation_reason : null;
        return undefined;
      },
    },
  },
  payment_method: {
    actions: {
      detach(object) {
        if (!object.customer) return { code: 'payment_method_unexpected_state', message: 'The payment method you provided is not attached to a customer so detachment is impossible.' };
        object.customer = null;
        return undefined;
      },
    },
  },
  'checkout.session': {
    create(object) {
      object.status = 'open';
      object.payment_status = 'unpaid';
      object.url = `https://checkout.stripe.com/c/pay/${String(object.id)}`;
      return undefined;
    },
    actions: {
      expire(object) {
        if (object.status !== 'open') return { message: `Only Checkout Sessions with a status of open can be expired; this one is ${String(object.status)}.` };
        object.status = 'expired';
        object.url = null;
        return undefined;
      },
    },
  },
};
