import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_SPECS, sdkgen, tempDir } from '../support/project.js';
import { FIXTURES, fixture } from './support.js';

const OLD = path.join(FIXTURES, 'rules.old.yaml');
const NEW = path.join(FIXTURES, 'rules.new.yaml');

/** Every file of a folder with its content, to show a command left it exactly as it was. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else files.set(path.relative(dir, file), fs.readFileSync(file, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

/** A freshly generated package in a temp folder (never the project's generated/). */
function generated(prefix: string, args: string[]): string {
  const out = path.join(tempDir(prefix), 'pkg');
  const result = sdkgen(['generate', ...args, '--out', out]);
  expect(result.status, result.stderr).toBe(0);
  return out;
}

describe('sdkgen update', () => {
  it('--dry-run shows the new version, the changelog entry and the files, and writes nothing', () => {
    const out = generated('update-dry', ['--spec', OLD, '--all']);
    const before = snapshot(out);
    const result = sdkgen(['update', '--from', OLD, '--spec', NEW, '--all', '--out', out, '--dry-run', '--date', '2024-02-01']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`would update ${out}: 0.1.0 → 1.0.0 (major: 20 breaking of 51 changes)`);
    expect(result.stdout).toContain('## 1.0.0 (2024-02-01)\n\n- Regenerated from the spec with sha256 `');
    expect(result.stdout).toContain('\n- Add support for `extra` on `WidgetCreateParams` and `Widget`\n');
    expect(result.stdout).toMatch(/^changed +package\.json$/m);
    expect(snapshot(out)).toEqual(before);
  });

  it('regenerates, bumps the version by the suggested semver and prepends the changelog entry', async () => {
    const out = generated('update', ['--spec', OLD, '--all']);
    const result = sdkgen(['update', '--from', OLD, '--spec', NEW, '--all', '--out', out, '--date', '2024-02-01']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(`updated ${out}: 0.1.0 → 1.0.0 (major`);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8'));
    expect(manifest.version).toBe('1.0.0');
    expect(manifest.stripe.specSha256).toBe((await fixture('rules.new.yaml')).sha256);
    const changelog = fs.readFileSync(path.join(out, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/^# Changelog\n\n## 1\.0\.0 \(2024-02-01\)\n\n- Regenerated from the spec with sha256 `[0-9a-f]{12}` \(API version `2024-02-01`\); previously `[0-9a-f]{12}`\.\n- ⚠️ Remove support for resource `Gadget`\n/);
    expect(changelog.indexOf('## 1.0.0')).toBeLessThan(changelog.indexOf('## 0.1.0'));
    expect(changelog).toContain('- ⚠️ Change type of `Widget.nullable_later` from `string` to `string | null`\n');
    // The package is now exactly what generate makes from the new spec (with its own version and changelog).
    const check = sdkgen(['generate', '--spec', NEW, '--all', '--out', out, '--check']);
    expect(check.status, check.stderr).toBe(0);
    const again = sdkgen(['update', '--from', NEW, '--spec', NEW, '--all', '--out', out]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('nothing to do');
  });

  it('leaves the package as it was when the update fails after the diff', () => {
    const out = generated('update-fail', ['--spec', OLD, '--operations', 'PostWidgets,PostWidgetsWidgetArchive']);
    const before = snapshot(out);
    // The diff succeeds (archive was removed), but the new spec cannot generate the package's operations.
    const result = sdkgen(['update', '--from', OLD, '--spec', NEW, '--operations', 'PostWidgets,PostWidgetsWidgetArchive', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("unknown operation 'PostWidgetsWidgetArchive'");
    expect(snapshot(out)).toEqual(before);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['pkg']);
  });

  it('refuses a --from spec the package was not made from, and a folder with no package', () => {
    const out = generated('update-from', ['--spec', OLD, '--all']);
    const before = snapshot(out);
    const wrong = sdkgen(['update', '--from', NEW, '--spec', NEW, '--all', '--out', out]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('the package was made from spec sha256');
    expect(wrong.stderr).toContain('hint: pass --from with the spec the package was generated from');
    expect(snapshot(out)).toEqual(before);
    const empty = sdkgen(['update', '--spec', NEW, '--out', tempDir('update-empty')]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('no generated package to update');
  });

  it('diffs from the pinned spec by default, with the package\'s own selection', () => {
    // The default config generates the Identity verification sessions from the pinned v524 spec.
    const out = generated('update-pinned', []);
    // v514 is an older release of the same API version, so going to it is a downgrade, asked for here.
    const result = sdkgen(['update', '--spec', path.join(SHARED_SPECS, 'spec3.v514.yaml'), '--out', out, '--dry-run', '--date', '2023-09-07', '--allow-downgrade']);
    expect(result.status, result.stderr).toBe(0);
    // Nothing changed for the Identity resource between v514 and v524: a patch release.
    expect(result.stdout).toContain(`would update ${out}: 0.1.0 → 0.1.1 (patch: 0 breaking of 0 changes)`);
    expect(result.stdout).toContain('- No changes to the types or methods of the package.');
  });

  it('writes the v298 → v301 Identity changes into a package generated from v298', () => {
    const v298 = path.join(SHARED_SPECS, 'spec3.v298.yaml');
    const out = generated('update-identity', ['--spec', v298]);
    const result = sdkgen(['update', '--from', v298, '--spec', path.join(SHARED_SPECS, 'spec3.v301.yaml'), '--out', out, '--date', '2023-04-17']);
    expect(result.status, result.stderr).toBe(0);
    const changelog = fs.readFileSync(path.join(out, 'CHANGELOG.md'), 'utf8');
    const entry = changelog.slice(changelog.indexOf('## 1.0.0'), changelog.indexOf('## 0.1.0'));
    expect(entry.trim().split('\n').slice(3)).toEqual([
      '- ⚠️ Change `Identity.VerificationReport.options` and `Identity.VerificationReport.type` to be optional',
      '- ⚠️ Change type of `Identity.VerificationSession.options` from `Identity.VerificationSession.Options` to `Identity.VerificationSession.Options | null`',
      "- ⚠️ Change type of `Identity.VerificationSession.type` from `enum('document'|'id_number')` to `enum('document'|'id_number') | null`",
    ]);
    const session = fs.readFileSync(path.join(out, 'src/types/Identity/VerificationSession.ts'), 'utf8');
    expect(session).toContain('  options: VerificationSession.Options | null;\n');
    expect(session).toContain('  type: VerificationSession.Type | null;\n');
  });
});
