import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sdkgen, tempDir } from '../support/project.js';

describe('the whole API', () => {
  it('generates every operation of the default spec, split per resource, and compiles under tsc --strict, isolatedModules and verbatimModuleSyntax', () => {
    const out = path.join(tempDir('all'), 'pkg');
    const result = sdkgen(['generate', '--all', '--out', out, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { operations: number; resources: number; files: number };
    expect(summary.operations).toBe(468);
    const resources = fs.readdirSync(path.join(out, 'src/resources'), { recursive: true }).filter((f) => String(f).endsWith('.ts'));
    expect(resources.length).toBe(summary.resources);
    // Split so editors stay fast: no resource module holds more than a small share of the code.
    const sizes = resources.map((f) => fs.statSync(path.join(out, 'src/resources', String(f))).size);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(Math.max(...sizes) / total).toBeLessThan(0.1);
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(out, 'tsconfig.json'), '--noEmit', '--strict', '--isolatedModules', '--verbatimModuleSyntax'], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('a one-operation build stays small: the error schema does not drag the API in', () => {
    const out = path.join(tempDir('one'), 'pkg');
    const result = sdkgen(['generate', '--operations', 'PostIdentityVerificationSessions', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const types = fs.readdirSync(path.join(out, 'src/types'), { recursive: true }).filter((f) => String(f).endsWith('.ts')).sort();
    expect(types).toEqual(['Address.ts', path.join('Identity', 'VerificationReport.ts'), path.join('Identity', 'VerificationSession.ts')]);
    const index = fs.readFileSync(path.join(out, 'src/index.ts'), 'utf8');
    expect(index).not.toMatch(/PaymentIntent|SetupIntent|Charge/);
  });
});
