import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../generated/src/index.js';
import { strictCompilerOptions } from '../support/compiler-options.js';
import { model, ROOT } from '../support/project.js';

describe('typed expansions', () => {
  it('the model types `expand` with the paths the spec marks expandable', async () => {
    const m = await model({ resources: ['identity.verification_sessions'] });
    const retrieve = m.operations.find((op) => op.id === 'GetIdentityVerificationSessionsSession')!;
    const list = m.operations.find((op) => op.id === 'GetIdentityVerificationSessions')!;
    expect(retrieve.expansion).toEqual({ pathsDecl: 'Identity.VerificationSession.ExpandPath' });
    expect(list.expansion).toEqual({ pathsDecl: 'Identity.VerificationSessionListParams.ExpandPath', itemPathsDecl: 'Identity.VerificationSession.ExpandPath' });
    const session = m.declarations.find((d) => d.id === 'Identity.VerificationSession')!;
    const paths = session.children.find((c) => c.name === 'ExpandPath')!;
    expect(paths.body).toEqual({ kind: 'alias', type: { kind: 'literal', value: 'last_verification_report' } });
  });

  it('expands through sub-objects and expanded objects, as Stripe does', async () => {
    const m = await model({ operations: ['GetCustomersCustomer', 'GetCharges'] });
    const customer = m.declarations.find((d) => d.id === 'Customer')!;
    const paths = customer.children.find((c) => c.name === 'ExpandPath')!;
    const values = paths.body.kind === 'alias' && paths.body.type.kind === 'union' ? paths.body.type.members.map((m) => (m.kind === 'literal' ? m.value : '')) : [];
    expect(values).toContain('default_source');
    expect(values).toContain('invoice_settings.default_payment_method');
    expect(values).toContain('test_clock');
    expect(values.every((v) => typeof v === 'string' && v.split('.').length <= 4)).toBe(true);
  });

  it('narrows the result type: expanded fields are objects, others stay ids; unknown paths do not compile', () => {
    const fixture = path.join(ROOT, 'test/generate/fixtures/expansions.ts');
    const program = ts.createProgram([fixture], strictCompilerOptions({ noEmit: true, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] }));
    const messages = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.basename(d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(messages).toEqual([]);
  });

  it('sends the paths as expand[n] on the wire', async () => {
    let url = '';
    const server = http.createServer((req, res) => {
      url = req.url!;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'vs_1', object: 'identity.verification_session', last_verification_report: { id: 'vr_1', object: 'identity.verification_report' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = createClient({ apiKey: 'sk_test_1', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      const session = await client.identity.verificationSessions.retrieve('vs_1', { expand: ['last_verification_report'] });
      expect(url).toBe('/v1/identity/verification_sessions/vs_1?expand[0]=last_verification_report');
      expect(session.last_verification_report?.id).toBe('vr_1');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
