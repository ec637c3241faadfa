import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { strictCompilerOptions } from '../support/compiler-options.js';
import { ROOT, tempDir } from '../support/project.js';

const page = fs.readFileSync(path.join(ROOT, 'generated/docs/webhooks.md'), 'utf8');
const section = (heading: string) => {
  const start = page.indexOf(`## ${heading}`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const block = /```ts\n([\s\S]*?)\n```/.exec(page.slice(start))!;
  return block[1]!;
};

const dir = tempDir('webhooks-docs');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');

/** Compiles snippets as a user's ES modules where `@utdk/stripe` is the committed package; one program for all. */
function check(snippets: Record<string, string>, lib: string[], types: string[]): string[] {
  const files = Object.entries(snippets).map(([name, code]) => {
    const file = path.join(dir, `${name}.ts`);
    fs.writeFileSync(file, code);
    return file;
  });
  const program = ts.createProgram(files, strictCompilerOptions({
    noEmit: true,
    // Library declarations are not what is under test; the package's sources are checked in full.
    skipLibCheck: true,
    lib,
    types,
    typeRoots: [path.join(ROOT, 'node_modules/@types')],
    baseUrl: dir,
    paths: { '@utdk/stripe': [path.join(ROOT, 'generated/src/index.ts')] },
  }));
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${path.basename(d.file?.fileName ?? '')}:${line} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('the webhooks page of the committed package', () => {
  it('has snippets for Node http, Express and fetch-style handlers that narrow the seed flow\'s events', () => {
    for (const heading of ['Node `http`', 'Express', 'Fetch-style handlers']) {
      const code = section(heading);
      expect(code).toContain("case 'identity.verification_session.verified':");
      expect(code).toContain('event.data.object.last_error?.reason');
    }
    expect(page).toMatch(/\| `identity.verification_session.verified` \| `Identity.VerificationSession` \|/);
    expect(page).toMatch(/\| `customer.created` \| `customer` \(not in this package\) \|  \|$/m);
  });

  it('links each event to the pages of the operations that change its object, as the HTML page does', () => {
    const row = page.split('\n').find((line) => line.startsWith('| `identity.verification_session.canceled` |'))!;
    const links = [...row.matchAll(/\[([^\]]+)\]\(([^)]+)\)/g)].map(([, title, file]) => [title, file]);
    expect(links).toEqual([
      ['Create a VerificationSession', 'PostIdentityVerificationSessions.md'],
      ['Update a VerificationSession', 'PostIdentityVerificationSessionsSession.md'],
      ['Cancel a VerificationSession', 'PostIdentityVerificationSessionsSessionCancel.md'],
      ['Redact a VerificationSession', 'PostIdentityVerificationSessionsSessionRedact.md'],
    ]);
    for (const [, file] of links) expect(fs.existsSync(path.join(ROOT, 'generated/docs', file!))).toBe(true);
  });

  it('Node http and Express snippets type-check with @types/node and @types/express', () => {
    expect(check({ 'node-http': section('Node `http`'), express: section('Express') }, ['lib.es2022.d.ts'], ['node', 'express'])).toEqual([]);
  });

  it('the fetch-style snippet type-checks with the DOM library and no Node types; reading a field the event lacks does not', () => {
    const fetchStyle = section('Fetch-style handlers');
    const broken = fetchStyle.replace('last_error?.reason', 'last_error?.no_such_field');
    expect(check({ fetch: fetchStyle, broken }, ['lib.es2022.d.ts', 'lib.dom.d.ts'], [])).toEqual([
      expect.stringMatching(/^broken\.ts:\d+ Property 'no_such_field' does not exist/),
    ]);
  });
});
