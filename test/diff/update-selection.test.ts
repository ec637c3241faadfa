import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHARED_SPECS, sdkgen, tempDir } from '../support/project.js';

describe('the package records what it holds', () => {
  it('generate writes the selection into package.json, and update regenerates that set, not the config default', () => {
    const out = path.join(tempDir('held'), 'pkg');
    const old = path.join(SHARED_SPECS, 'spec3.v514.yaml');
    const made = sdkgen(['generate', '--spec', old, '--operations', 'GetBalance,PostEphemeralKeys', '--out', out]);
    expect(made.status, made.stderr).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8'));
    expect(manifest.stripe.selection).toEqual({ operations: ['GetBalance', 'PostEphemeralKeys'], all: false });
    const updated = sdkgen(['update', '--from', old, '--spec', path.join(SHARED_SPECS, 'spec3.v524.yaml'), '--out', out, '--date', '2023-09-12'], { cwd: ROOT });
    expect(updated.status, updated.stderr).toBe(0);
    // The config default (the VerificationSession resource) did not leak in.
    expect(fs.existsSync(path.join(out, 'src/resources/Identity'))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'CHANGELOG.md'), 'utf8')).toContain('`nonce` on `EphemeralKeyCreateParams`');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8')).stripe.selection).toEqual(manifest.stripe.selection);
  });
});
