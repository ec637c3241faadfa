// Pairs of our generated types and stripe@13.11.0's, compared field by field by stripe-types.test.ts.
import type Stripe from 'stripe';
import type { Identity } from '../../generated/src/index.js';

export type Create = [Identity.VerificationSessionCreateParams, Stripe.Identity.VerificationSessionCreateParams];
export type List = [Identity.VerificationSessionListParams, Stripe.Identity.VerificationSessionListParams];
export type Retrieve = [Identity.VerificationSessionRetrieveParams, Stripe.Identity.VerificationSessionRetrieveParams];
export type Update = [Identity.VerificationSessionUpdateParams, Stripe.Identity.VerificationSessionUpdateParams];
export type Cancel = [Identity.VerificationSessionCancelParams, Stripe.Identity.VerificationSessionCancelParams];
export type Redact = [Identity.VerificationSessionRedactParams, Stripe.Identity.VerificationSessionRedactParams];
export type Session = [Identity.VerificationSession, Stripe.Identity.VerificationSession];
export type Report = [Identity.VerificationReport, Stripe.Identity.VerificationReport];
