import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/project.js';

/**
 * Every hand-made hostile spec in specs/ (any *.yaml or *.json dropped there is picked up) is run
 * through the built CLI as a user would. Each run must end within the kill guard, either refused
 * with one line and exit 1, or accepted with exit 0 and a package that compiles under strict; and
 * nothing may be written outside the output folder.
 */
const SPECS_DIR = path.join(ROOT, 'test/hostile/specs');
const specFiles = fs
  .readdirSync(SPECS_DIR)
  .filter((name) => /\.(ya?ml|json)$/.test(name))
  .sort();
/**
 * A run is killed after 10 s of CPU time (its threads together), or 60 s on the clock for a run that
 * hangs without spinning. CPU time, not the clock, for the 10 s: on a shared machine (the suite runs
 * files in parallel, and other work may load it) the clock measures the machine, not the run.
 */
const KILL_AFTER_CPU_MS = 10_000;
const KILL_AFTER_WALL_MS = 60_000;
const PARALLEL = 2;
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time used so far by a process, from /proc (user + system, all threads); undefined once it is gone. */
function cpuMs(pid: number): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

interface Run {
  spec: string;
  parent: string;
  out: string;
  status: number | null;
  signal: NodeJS.Signals | null;
  killed: string | undefined;
  stderr: string;
  parentAfter: string[];
}

function runCli(spec: string): Promise<Run> {
  const parent = tempDir('hostile');
  const cache = tempDir('hostile-cache');
  const out = path.join(parent, 'out');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/sdkgen.mjs'), 'generate', '--spec', path.join(SPECS_DIR, spec), '--all', '--out', out], {
      cwd: parent,
      env: { ...process.env, SDKGEN_CACHE_DIR: cache },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let killed: string | undefined;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const started = Date.now();
    const guard = setInterval(() => {
      const cpu = cpuMs(child.pid!) ?? 0;
      const wall = Date.now() - started;
      if (cpu > KILL_AFTER_CPU_MS || wall > KILL_AFTER_WALL_MS) {
        killed = `killed after ${cpu} ms of CPU, ${wall} ms on the clock`;
        child.kill('SIGKILL');
      }
    }, 200);
    child.on('close', (status, signal) => {
      clearInterval(guard);
      fs.rmSync(cache, { recursive: true, force: true });
      resolve({ spec, parent, out, status, signal, killed, stderr, parentAfter: fs.readdirSync(parent).sort() });
    });
  });
}

async function runAll(files: string[]): Promise<Map<string, Run>> {
  const results = new Map<string, Run>();
  const queue = [...files];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let spec = queue.shift(); spec !== undefined; spec = queue.shift()) results.set(spec, await runCli(spec));
    }),
  );
  return results;
}

function filesUnder(dir: string, ending: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith(ending))
    .map((name) => path.join(dir, name));
}

/** Markup a Markdown file may produce when rendered: what the docs' own formatting makes. */
const FORMATTING_TAGS = new Set(['p', 'a', 'code', 'pre', 'em', 'strong', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br']);

/** The tags in Markdown rendered to HTML (as a viewer renders it) that its formatting does not account for. */
function liveMarkup(markdown: string): string[] {
  const html = marked.parse(markdown, { async: false }) as string;
  const found: string[] = [];
  for (const [tag, name] of html.matchAll(/<\/?([A-Za-z][\w-]*)([^>]*)>/g)) {
    if (!FORMATTING_TAGS.has(name!.toLowerCase()) || /\son\w+\s*=|javascript:|style\s*=/i.test(tag)) found.push(tag);
  }
  return found;
}

/** Every name-like token the specs use: a file in the temp root named after one of them was written by a run. */
function specTokens(): Set<string> {
  const tokens = new Set<string>();
  for (const spec of specFiles) {
    const text = fs.readFileSync(path.join(SPECS_DIR, spec), 'utf8');
    if (text.length > 20_000) continue;
    for (const [token] of text.matchAll(/[A-Za-z0-9_$.-]{2,80}/g)) tokens.add(token.replace(/\.(md|ts|html|json|d\.ts)$/, ''));
  }
  // `/tmp/x` in a spec names the temp root itself: `tmp.*` folders there are other programs' (mktemp's).
  tokens.delete(path.basename(os.tmpdir()));
  return tokens;
}

describe('hostile specs', () => {
  let runs: Map<string, Run>;
  const tmpBefore = new Set(fs.readdirSync(os.tmpdir()));

  beforeAll(async () => {
    expect(specFiles.length).toBeGreaterThanOrEqual(20);
    runs = await runAll(specFiles);
  }, 300_000);

  it.each(specFiles)('%s: ends in time with one clear line and exit 1, or exit 0', (spec) => {
    const run = runs.get(spec)!;
    expect(run.killed, spec).toBeUndefined();
    expect(run.signal).toBeNull();
    expect(run.stderr).not.toMatch(/\n\s+at /);
    if (run.status === 0) {
      expect(run.parentAfter).toEqual(['out']);
      expect(fs.existsSync(path.join(run.out, 'src/index.ts'))).toBe(true);
    } else {
      // One line says what and where; a `hint:` line may follow it with what to do instead.
      const [first, ...rest] = run.stderr.trimEnd().split('\n');
      expect({ status: run.status, extra: rest.filter((line) => !line.startsWith('hint: ')) }).toEqual({ status: 1, extra: [] });
      expect(rest.length).toBeLessThanOrEqual(1);
      expect(first).toMatch(/^error: /);
      expect(run.parentAfter).toEqual([]);
    }
  });

  it('writes nothing into the temp root under a name the specs use', () => {
    const tokens = specTokens();
    const written = fs.readdirSync(os.tmpdir()).filter((name) => !tmpBefore.has(name) && tokens.has(name.replace(/\.[^.]*$/, '')));
    expect(written).toEqual([]);
  });

  it('text from the spec is inert in every accepted output: Markdown renders no markup of its own, doc comments hold no tags', () => {
    const accepted = [...runs.values()].filter((run) => run.status === 0);
    for (const run of accepted) {
      for (const file of [...filesUnder(run.out, '.md')]) {
        expect(liveMarkup(fs.readFileSync(file, 'utf8')), `${run.spec}: ${path.relative(run.out, file)}`).toEqual([]);
      }
      for (const file of filesUnder(path.join(run.out, 'src'), '.ts')) {
        if (file.includes(`${path.sep}runtime${path.sep}`)) continue;
        const comments = fs.readFileSync(file, 'utf8').match(/\/\*\*[\s\S]*?\*\//g) ?? [];
        const tags = comments.flatMap((comment) => comment.match(/<\/?[A-Za-z][^>]*>|^\s*\*\s*@(?!deprecated\b)\w+/gm) ?? []);
        expect(tags, `${run.spec}: ${path.relative(run.out, file)}`).toEqual([]);
      }
    }
  });

  it('every accepted spec gives a package that compiles under strict (one program for all)', () => {
    const accepted = [...runs.values()].filter((run) => run.status === 0);
    expect(accepted.length).toBeGreaterThan(5);
    const dir = tempDir('hostile-tsc');
    const tsconfig = path.join(dir, 'tsconfig.json');
    const base = JSON.parse(fs.readFileSync(path.join(accepted[0]!.out, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    fs.writeFileSync(
      tsconfig,
      JSON.stringify({
        compilerOptions: { ...base.compilerOptions, strict: true, noEmit: true, outDir: undefined, rootDir: undefined, typeRoots: [] },
        include: accepted.map((run) => `${run.out}/src/**/*.ts`),
      }),
    );
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', tsconfig], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
