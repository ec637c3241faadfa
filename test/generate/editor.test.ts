/**
 * What an editor shows for the generated client, through TypeScript's language service: each
 * method's parameters by name with their types, and the operation's description on hover, on all
 * three call shapes (resource method, flat method, standalone function).
 */
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

  it('hover shows the operation description and its endpoint', () => {
    const at = source.indexOf('.create(') + 1;
    const info = service.getQuickInfoAtPosition(user, at)!;
    const docs = ts.displayPartsToString(info.documentation);
    expect(docs).toContain('Creates a VerificationSession object.');
    expect(docs).toContain('`POST /v1/identity/verification_sessions`');
  });
});
