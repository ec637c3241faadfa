import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './project.js';

/** One method of stripe@13.11.0, as its resource definition declares it. */
export interface StripeNodeMethod {
  /** Where it hangs on a `Stripe` instance: `['issuing', 'cards']`. */
  resource: string[];
  name: string;
  method: string;
  /** `/v1/transfers/{id}/reversals`, with stripe-node's parameter names. */
  fullPath: string;
}

const RESOURCES = path.join(ROOT, 'node_modules/stripe/cjs/resources');
// `create: stripeMethod({ method: 'POST', fullPath: '/v1/files', ... })`, as stripe-node's generated resources read.
const METHOD = /(\w+): stripeMethod\(\{\s*method: '(\w+)',\s*fullPath: '([^']+)'/g;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * Every method stripe-node's resources declare, read from its resource files: the file's path names
 * the resource (`Issuing/Cards.js` is `stripe.issuing.cards`), each `stripeMethod` its endpoint.
 */
export function stripeNodeMethods(): StripeNodeMethod[] {
  const out: StripeNodeMethod[] = [];
  for (const file of fs.readdirSync(RESOURCES, { recursive: true }).map(String).sort()) {
    if (!file.endsWith('.js')) continue;
    const resource = file.replace(/\.js$/, '').split(path.sep).map(lowerFirst);
    for (const [, name, method, fullPath] of fs.readFileSync(path.join(RESOURCES, file), 'utf8').matchAll(METHOD)) {
      out.push({ resource, name: name!, method: method!, fullPath: fullPath! });
    }
  }
  return out;
}

/** An endpoint without its parameter names, which differ between stripe-node and the spec: `GET /v1/transfers/{}/reversals`. */
export function endpointKey(method: string, template: string): string {
  return `${method.toUpperCase()} ${template.replace(/\{[^}]*\}/g, '{}')}`;
}
