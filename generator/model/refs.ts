import { SdkgenError } from '../errors.js';
import type { OpenApiDocument } from '../load/openapi-types.js';

/** Resolves a local `$ref`; a dangling one is an error naming both the pointer and where it was used. */
export function resolveRef<T>(document: OpenApiDocument, ref: string, usedAt: string): T {
  if (!ref.startsWith('#/')) {
    throw new SdkgenError(`only local $refs are supported, found '${ref}'`, { where: usedAt });
  }
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) {
      throw new SdkgenError(`dangling $ref '${ref}': nothing at that pointer`, { where: usedAt });
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node as T;
}

export function schemaKeyOf(ref: string): string | undefined {
  const prefix = '#/components/schemas/';
  return ref.startsWith(prefix) ? ref.slice(prefix.length).replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}
