/**
 * What an editor shows for the generated client, through TypeScript's language service: each
 * method's parameters by name with their types, and the operation's description on hover, on all
 * three call shapes (resource method, flat method, standalone function).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { strictCompilerOptions } from '../support/compiler-options.js';
import { ROOT } from '../support/project.js';

const user = path.join(ROOT, 'generated/src/__editor_probe__.ts');
const source = [
  "import { createClient, createCore, getIdentityVerificationSessionsSession } from './index.js';",
  'const client = createClient();',
  "client.identity.verificationSessions.retrieve('vs_1', {});",
  "client.getIdentityVerificationSessionsSession('vs_1');",
  "getIdentityVerificationSessionsSession(createCore(), 'vs_1');",
  'client.identity.verificationSessions.create({ type: "document" });',
  '',
].join('\n');

function languageService(): ts.LanguageService {
  // Signatures as a project with plain `strict` shows them (`expand?: [] | undefined`); exactOptionalPropertyTypes drops the `| undefined`.
  const options = strictCompilerOptions({ exactOptionalPropertyTypes: false });
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [user],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const text = name === user ? source : ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => ROOT,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (name) => name === user || ts.sys.fileExists(name),
    readFile: (name) => (name === user ? source : ts.sys.readFile(name)),
  };
  return ts.createLanguageService(host);
}

/** The parameters signature help lists inside the call that starts with `prefix`, as `name: type`. */
function parametersAt(service: ts.LanguageService, prefix: string): string[] {
  const position = source.indexOf(prefix) + prefix.length;
  const help = service.getSignatureHelpItems(user, position, undefined);
  const item = help!.items[help!.selectedItemIndex]!;
  return item.parameters.map((p) => ts.displayPartsToString(p.displayParts));
}

describe('the editor experience', () => {
  const service = languageService();

  it('the program the probe is checked in has no errors', () => {
    const diagnostics = service.getSemanticDiagnostics(user).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('signature help names the path parameter, the params and the options, on every call shape', () => {
    const expected = [
      'session: string',
      'params?: (VerificationSessionRetrieveParams & { expand?: [] | undefined; }) | undefined',
      'options?: RequestOptions | undefined',
    ];
    expect(parametersAt(service, "verificationSessions.retrieve('")).toEqual(expected);
    expect(parametersAt(service, "client.getIdentityVerificationSessionsSession('")).toEqual(expected);
    expect(parametersAt(service, 'getIdentityVerificationSessionsSession(createCore(), ')).toEqual(['core: ClientCore', ...expected]);
  });

  it('hover shows the operation description and its endpoint, on every call shape', () => {
    const probes = ['verificationSessions.create(', 'client.getIdentityVerificationSessionsSession(', 'getIdentityVerificationSessionsSession(createCore()'];
    const shown = probes.map((probe) => {
      const info = service.getQuickInfoAtPosition(user, source.indexOf(probe) + probe.indexOf('(') - 1)!;
      return ts.displayPartsToString(info.documentation);
    });
    expect(shown[0]).toContain('Creates a VerificationSession object.');
    expect(shown[0]).toContain('`POST /v1/identity/verification_sessions`');
    expect(shown[1]).toContain('Retrieves the details of a VerificationSession that was previously created.');
    expect(shown[1]).toContain('`GET /v1/identity/verification_sessions/{session}`');
    expect(shown[2]).toBe(shown[1]);
  });

  it('writes each operation\'s doc comment once, on its function', () => {
    const sources = fs.readdirSync(path.join(ROOT, 'generated/src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.includes('__editor_probe__'))
      .map((f) => fs.readFileSync(path.join(ROOT, 'generated/src', f), 'utf8'));
    const endpointLines = sources.flatMap((text) => text.match(/^\s*(?:\/\*\*|\*) `(?:GET|POST|DELETE) \/v1\/[^`]*`(?: \*\/)?$/gm) ?? []);
    expect(endpointLines.length).toBe(6);
    expect(new Set(endpointLines.map((line) => line.replace(/^\s*(?:\/\*\*|\*) | \*\/$/g, ''))).size).toBe(6);
  });
});
