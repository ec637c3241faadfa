/**
 * An ESM import specifier from one `src/`-relative module to another. Module paths are plain
 * `/`-separated names (no `.` or `..` segments), so the relative path is worked out from their
 * segments: `path.posix.relative` would resolve both against the working directory, for each of
 * the thousands of imports of a whole-API package.
 */
export function relativeModule(from: string, to: string): string {
  const fromDir = from.split('/').slice(0, -1);
  const target = to.split('/');
  let common = 0;
  while (common < fromDir.length && common < target.length && fromDir[common] === target[common]) common++;
  const rel = [...fromDir.slice(common).map(() => '..'), ...target.slice(common)].join('/');
  return `${rel.startsWith('.') ? rel : `./${rel}`}.js`;
}
