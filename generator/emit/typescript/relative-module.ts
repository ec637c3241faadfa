import path from 'node:path';

/** An ESM import specifier from one `src/`-relative module to another. */
export function relativeModule(from: string, to: string): string {
  const rel = path.posix.relative(path.posix.dirname(from), to);
  return `${rel.startsWith('.') ? rel : `./${rel}`}.js`;
}
