/**
 * Sets `key` as an own, enumerable field of `target`, `__proto__` included: plain assignment would
 * take a spec's or a request's `__proto__` as the object's prototype instead of as data.
 */
export function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
