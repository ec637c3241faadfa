import type { OpenApiDocument } from '../../load/openapi-types.js';
import type { RouteSpec } from '../route-table.js';

const VERBS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Every operation of the spec as a route, read straight from `paths` (cheap, so the mock listens at
 * once). The ids are the model's: the operationId, or `<verb><path>` when a spec has none.
 */
export function specRoutes(document: OpenApiDocument): RouteSpec[] {
  const routes: RouteSpec[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    if (typeof item !== 'object' || item === null) continue;
    for (const verb of VERBS) {
      const operation = (item as Record<string, { operationId?: string } | undefined>)[verb];
      if (operation) routes.push({ id: operation.operationId ?? `${verb}${path}`, method: verb.toUpperCase(), path });
    }
  }
  return routes;
}
