import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../support/project.js';

export interface RunningCommand {
  url: string;
  /** Sends SIGTERM and waits for the exit; resolves with what the command wrote. */
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts a long-running CLI command (`sdkgen mock`, `sdkgen gateway`) and waits for its "listening on" line. */
export function startServerCommand(args: string[], env: Record<string, string | undefined> = {}): Promise<RunningCommand> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/sdkgen.mjs'), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (!match) return;
      child.stdout.off('data', onData);
      resolve({
        url: match[1]!,
        stop: () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    void exited.then(({ code }) => reject(new Error(`sdkgen ${args[0]} exited (${code}) before listening:\n${stderr}`)));
  });
}
