/**
 * Progress on a terminal (phase and counts, on stderr), silence in CI and pipes,
 * so logs stay clean and `--json` output stays parseable.
 */
export function progressReporter(enabled: boolean): (phase: string, detail?: string) => void {
  const live = enabled && process.stderr.isTTY === true && !process.env.CI;
  const started = performance.now();
  return (phase, detail) => {
    if (!live) return;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`[${seconds}s] ${phase}${detail ? `: ${detail}` : ''}\n`);
  };
}
