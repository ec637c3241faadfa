import { InvalidArgumentError } from 'commander';

/** `--operations a,b --operations c` → `['a', 'b', 'c']`; an empty list is refused, as it would select everything. */
export function commaList(value: string, previous: string[] = []): string[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new InvalidArgumentError('expected one or more names, comma-separated');
  return [...previous, ...names];
}
