import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, sdkgen } from '../support/project.js';

it('sdkgen --version prints the version of the sdkgen package and exits 0', () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-V']) {
    const result = sdkgen([flag]);
    expect(result.stdout).toBe(`${version}\n`);
    expect(result.status).toBe(0);
  }
});
