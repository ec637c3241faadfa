import type { Schema } from '../load/openapi-types.js';
import { typeName } from './naming.js';

/**
 * Component schemas that become top-level types, as in stripe-node: every API resource
 * (`x-resourceId`), plus the few shared shapes stripe-node also keeps at the top.
 * Every other component schema is declared under the first type that uses it.
 */
const SHARED_ROOT_SCHEMAS = new Set(['address']);

export function isRootSchema(key: string, schema: Schema): boolean {
  return Boolean(schema['x-resourceId']) || SHARED_ROOT_SCHEMAS.has(key);
}

/** `identity.verification_session` → `Identity.VerificationSession`; `deleted_radar.value_list` → `Radar.DeletedValueList`. */
export function rootNameOf(key: string): { namespace: string[]; name: string } {
  const parts = key.split('.');
  const last = parts.pop() ?? key;
  let deleted = false;
  const namespace = parts.map((part, index) => {
    if (index === 0 && part.startsWith('deleted_')) {
      deleted = true;
      return typeName(part.slice('deleted_'.length));
    }
    return typeName(part);
  });
  return { namespace, name: typeName(`${deleted ? 'deleted_' : ''}${last}`) };
}
