import type { OpenApiDocument, Parameter, Ref } from '../load/openapi-types.js';
import { pointerJoin, resolveRef } from '../model/refs.js';

const QUERY_FIELD = /^(#\/paths\/[^/]+)\/([a-z]+)\/parameters\/properties\/([^/]+)(.*)$/;

/**
 * The model gathers an operation's query parameters into one params type, so its pointers for them
 * (`.../get/parameters/properties/limit`) address a schema that is not in the spec. This maps them back
 * to the parameter itself (`.../get/parameters/3`, or its `$ref` target); every other pointer is kept.
 */
export function specPointers(document: OpenApiDocument): (pointer: string) => string {
  const cache = new Map<string, string>();
  return (pointer) => {
    const match = QUERY_FIELD.exec(pointer);
    if (!match) return pointer;
    const [, pathPointer, verb, escapedName, rest] = match as unknown as [string, string, string, string, string];
    const key = `${pathPointer}/${verb}/${escapedName}`;
    let base = cache.get(key);
    if (base === undefined) {
      base = locateParameter(document, pathPointer, verb, unescape(escapedName)) ?? '';
      cache.set(key, base);
    }
    if (!base) return pointer;
    return rest ? `${base}/schema${rest}` : base;
  };
}

function locateParameter(document: OpenApiDocument, pathPointer: string, verb: string, name: string): string | undefined {
  const item = document.paths[unescape(pathPointer.slice('#/paths/'.length))] as Record<string, unknown> | undefined;
  if (!item) return undefined;
  const lists: [string, (Parameter | Ref)[] | undefined][] = [
    [pointerJoin(pathPointer, verb, 'parameters'), (item[verb] as { parameters?: (Parameter | Ref)[] } | undefined)?.parameters],
    [pointerJoin(pathPointer, 'parameters'), item.parameters as (Parameter | Ref)[] | undefined],
  ];
  for (const [listPointer, list] of lists) {
    for (const [index, entry] of (list ?? []).entries()) {
      const ref = '$ref' in entry ? (entry as Ref).$ref : undefined;
      const parameter = ref ? resolveRef<Parameter>(document, ref, listPointer) : (entry as Parameter);
      if (parameter.in === 'query' && parameter.name === name) return ref ?? pointerJoin(listPointer, index);
    }
  }
  return undefined;
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
