import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { SdkgenError } from '../../generator/errors.js';
import { TOOL_ROOT } from '../../generator/tool-root.js';

/** The tools come from sdkgen's own devDependencies; the generated package has none installed. */
const TYPESCRIPT_DIR = path.join(TOOL_ROOT, 'node_modules', 'typescript');
const ATTW = path.join(TOOL_ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');

function exec(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw new SdkgenError(`could not run ${command}: ${result.error.message}`, { where: cwd });
  if (result.status !== 0) {
    throw new SdkgenError(`${path.basename(command)} ${args.join(' ')} failed (exit ${result.status})\n${result.stdout}${result.stderr}`.trimEnd(), { where: cwd });
  }
  return result.stdout;
}

/** The package's own `build` script: dist/esm and dist/cjs with declarations. */
export function buildPackage(dir: string): void {
  exec(process.execPath, [path.join(dir, 'build.mjs'), '--typescript', TYPESCRIPT_DIR], dir);
}

export interface CheckReport {
  /** What to print: one line per finding, or the tool's all-clear. */
  lines: string[];
}

/** publint on the folder as `npm pack` would ship it; an error or a warning fails the release. */
export async function checkPublint(dir: string): Promise<CheckReport> {
  const { messages, pkg } = await publint({ pkgDir: dir, pack: 'npm', level: 'suggestion' });
  const lines = messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
  const failures = messages.filter((m) => m.type !== 'suggestion');
  if (failures.length > 0) throw new SdkgenError(`publint found ${failures.length} problem(s):\n${lines.join('\n')}`, { where: dir });
  return { lines: lines.length > 0 ? lines : ['All good!'] };
}

/** Are the Types Wrong, on the tarball itself, in every resolution mode; any problem fails the release. */
export function checkAttw(tarball: string): CheckReport {
  const result = spawnSync(process.execPath, [ATTW, tarball, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  let report: { analysis?: { entrypoints?: Record<string, { resolutions: Record<string, unknown> }> }; problems?: Record<string, unknown[]> };
  try {
    report = JSON.parse(result.stdout) as typeof report;
  } catch {
    throw new SdkgenError(`attw did not run: ${result.stderr || result.stdout}`.trimEnd(), { where: tarball });
  }
  const problems = Object.entries(report.problems ?? {});
  if (problems.length > 0 || result.status !== 0) {
    throw new SdkgenError(`attw found problems:\n${JSON.stringify(report.problems, null, 2)}`, { where: tarball, hint: `run: npx attw ${tarball}` });
  }
  const entrypoints = Object.entries(report.analysis?.entrypoints ?? {});
  return {
    lines: entrypoints.map(([entry, { resolutions }]) => `${entry}: no problems (${Object.keys(resolutions).join(', ')})`),
  };
}

export interface Packed {
  tarball: string;
  files: string[];
  size: number;
  unpackedSize: number;
}

/** `npm pack` without lifecycle scripts: the package is already built, and packed as it is. */
export function packPackage(dir: string, destination: string): Packed {
  const stdout = exec('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], dir);
  const [info] = JSON.parse(stdout) as Array<{ filename: string; size: number; unpackedSize: number; files: Array<{ path: string }> }>;
  if (!info) throw new SdkgenError('npm pack printed no result', { where: dir });
  return {
    tarball: path.join(destination, info.filename),
    files: info.files.map((f) => f.path).sort(),
    size: info.size,
    unpackedSize: info.unpackedSize,
  };
}
