/**
 * JSON pointers into the spec (RFC 6901): where the shape check reports a problem and what the model
 * records for every declaration and field, so both name a place the same way.
 */

/** One segment, escaped: `~` as `~0`, `/` as `~1`. */
export function pointerSegment(segment: string): string {
  // Most segments (property names, keywords) need no escaping; the model joins a pointer per field.
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `pointerJoin('#/components/schemas', 'a/b')` is `#/components/schemas/a~1b`. */
export function pointerJoin(base: string, ...segments: (string | number)[]): string {
  let pointer = base;
  for (const segment of segments) pointer += `/${pointerSegment(String(segment))}`;
  return pointer;
}
