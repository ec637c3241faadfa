import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sdkgen } from '../support/project.js';

describe('the committed generated/ package', () => {
  it('is up to date with the generator and the pinned spec (generate --check)', () => {
    const result = sdkgen(['generate', '--check']);
    expect(result.stderr).toContain('is up to date');
    expect(result.status).toBe(0);
  });

  it('compiles as a bundler or Deno would take its sources: isolatedModules and verbatimModuleSyntax', () => {
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'generated/tsconfig.json'), '--noEmit', '--isolatedModules', '--verbatimModuleSyntax'], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('compiles under tsc --strict with no errors', () => {
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'generated/tsconfig.json'), '--noEmit', '--strict'], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
