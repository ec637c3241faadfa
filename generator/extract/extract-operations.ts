import { SdkgenError } from '../errors.js';
import { HTTP_METHODS, type OpenApiDocument, type PathItem } from '../load/openapi-types.js';
import { pointerJoin } from '../load/json-pointer.js';
import { resolveRef } from '../model/refs.js';
import { closest } from '../model/select-operations.js';

/**
 * A standalone OpenAPI document holding just the chosen operations and every component they
 * reference, directly or through other components, so it validates on its own.
 */
export function extractOperations(document: OpenApiDocument, operationIds: string[]): OpenApiDocument {
  const found = new Map<string, { path: string; method: string }>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const id = item[method]?.operationId;
      if (id) found.set(id, { path, method });
    }
  }
  const paths = new Map<string, PathItem>();
  for (const id of operationIds) {
    const location = found.get(id);
    if (!location) {
      throw new SdkgenError(`unknown operation '${id}'`, { where: '--operation', hint: `closest operation ids: ${closest(id, [...found.keys()]).join(', ')}` });
    }
    const item = document.paths[location.path]!;
    if (!paths.has(location.path)) paths.set(location.path, item.parameters ? { parameters: item.parameters } : {});
    const kept = paths.get(location.path)!;
    kept[location.method as 'get'] = item[location.method as 'get'];
  }
  // Maps, not objects: component kinds and names come from the spec (`__proto__` included).
  const components = new Map<string, Map<string, unknown>>();
  const pending: [string, string][] = [];
  const visit = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, pointerJoin(at, i)));
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') pending.push([value, at]);
      else visit(value, pointerJoin(at, key));
    }
  };
  visit(Object.fromEntries(paths), '#/paths');
  const done = new Set<string>();
  while (pending.length > 0) {
    const [ref, usedAt] = pending.pop()!;
    if (done.has(ref)) continue;
    done.add(ref);
    const match = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
    if (!match) throw new SdkgenError(`cannot extract '$ref: ${ref}': only #/components/... references are supported`, { where: usedAt });
    const target = resolveRef<unknown>(document, ref, usedAt);
    const [, kind, name] = match;
    const key = name!.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!components.has(kind!)) components.set(kind!, new Map());
    components.get(kind!)!.set(key, target);
    visit(target, ref);
  }
  const schemes = document.components?.securitySchemes as Record<string, unknown> | undefined;
  if (schemes) components.set('securitySchemes', new Map(Object.entries(schemes)));
  const sortedComponents = Object.fromEntries(
    [...components.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([kind, entries]) => [kind, Object.fromEntries([...entries.entries()].sort(([a], [b]) => (a < b ? -1 : 1)))]),
  );
  const out: OpenApiDocument = {
    openapi: document.openapi,
    info: document.info,
    ...(document.servers ? { servers: document.servers } : {}),
    ...(document.security ? { security: document.security } : {}),
    paths: Object.fromEntries([...paths.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
    components: sortedComponents,
  };
  return out;
}
