import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { sdkgen, tempDir } from '../support/project.js';

describe('sdkgen extract', () => {
  it('writes a standalone OpenAPI 3.0 document that validates, with every schema the operation reaches', async () => {
    const out = path.join(tempDir('extract'), 'create.json');
    const result = sdkgen(['extract', '--operation', 'PostIdentityVerificationSessions', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const document = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(Object.keys(document.paths)).toEqual(['/v1/identity/verification_sessions']);
    expect(Object.keys(document.paths['/v1/identity/verification_sessions'])).toEqual(['post']);
    const schemas = Object.keys(document.components.schemas);
    expect(schemas).toContain('identity.verification_session');
    expect(schemas).toContain('identity.verification_report');
    expect(schemas).toContain('gelato_session_last_error');
    // The error response reaches far into the API; the closure must still be complete.
    expect(schemas).toContain('error');
    const validator = new Validator();
    const verdict = await validator.validate(document);
    expect(verdict.errors ?? []).toEqual([]);
    expect(verdict.valid).toBe(true);
    // Every $ref points inside the document.
    for (const [, ref] of JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(schemas).toContain(ref!.replace(/~1/g, '/'));
    }
  });

  it('writes YAML for a .yaml output and refuses an unknown operation', () => {
    const dir = tempDir('extract-yaml');
    const ok = sdkgen(['extract', '--operation', 'GetIdentityVerificationSessions', '--out', path.join(dir, 'list.yaml')]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'list.yaml'), 'utf8')).toMatch(/^openapi: 3\.0\.0$/m);
    const bad = sdkgen(['extract', '--operation', 'NoSuchOperation', '--out', path.join(dir, 'x.json')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("unknown operation 'NoSuchOperation'");
    expect(fs.existsSync(path.join(dir, 'x.json'))).toBe(false);
  });
});
