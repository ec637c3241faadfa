/** `--operations a,b --operations c` → `['a', 'b', 'c']`. */
export function commaList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}
