import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sdkgen, tempDir } from '../support/project.js';

describe('sdkgen.config.json', () => {
  const project = tempDir('config');
  fs.mkdirSync(path.join(project, 'spec'));
  fs.copyFileSync(path.join(ROOT, 'spec/pin.json'), path.join(project, 'spec/pin.json'));
  const pin = JSON.parse(fs.readFileSync(path.join(project, 'spec/pin.json'), 'utf8'));
  pin.mirrors = [path.resolve(ROOT, '../shared/stripe-openapi')];
  fs.writeFileSync(path.join(project, 'spec/pin.json'), JSON.stringify(pin));
  fs.writeFileSync(
    path.join(project, 'sdkgen.config.json'),
    JSON.stringify({ pin: 'spec/pin.json', packageName: '@acme/stripe', operations: ['GetBalance'], out: 'client' }),
  );

  it('holds the pin, package name, selection and output folder, so generate needs no flags', () => {
    const result = sdkgen(['generate', '--json'], { cwd: project });
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.operations).toBe(1);
    expect(summary.out).toBe(path.join(project, 'client'));
    expect(JSON.parse(fs.readFileSync(path.join(project, 'client/package.json'), 'utf8')).name).toBe('@acme/stripe');
    // Not a terminal: no progress lines, only the JSON.
    expect(result.stderr).toBe('');
  });

  it('flags override it', () => {
    const result = sdkgen(['generate', '--json', '--resources', 'identity.verification_sessions', '--out', 'other'], { cwd: project });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).operations).toBe(6);
    expect(fs.existsSync(path.join(project, 'other/src/resources/Identity/VerificationSessions.ts'))).toBe(true);
  });

  it('an unknown field is refused with the file named', () => {
    const dir = tempDir('config-bad');
    fs.writeFileSync(path.join(dir, 'sdkgen.config.json'), JSON.stringify({ operation: ['GetBalance'] }));
    const result = sdkgen(['generate'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path.join(dir, 'sdkgen.config.json')}: unknown config field 'operation'`);
  });
});
