import { beforeAll, describe, expect, it } from 'vitest';
import { parseGatewayUrl, looksLikeStripeSecret } from '../../generator/emit/html/browser/credentials.js';
import { liveSnippets } from '../../generator/emit/html/browser/live-snippets.js';
import { buildRequest } from '../../generator/emit/html/browser/send-request.js';
import { tryItSpec } from '../../generator/emit/html/form-spec.js';
import { curlSnippet, typescriptSnippet } from '../../generator/emit/docs/snippets.js';
import { encodeForm } from '../../generator/runtime/encode.js';
import { indexDecls } from '../../generator/model/decl-index.js';
import type { ApiModel } from '../../generator/model/types.js';
import { model } from '../support/project.js';

let api: ApiModel;
beforeAll(async () => {
  api = await model({ resources: ['identity.verification_sessions'] });
});

const params = { type: 'document', metadata: { order_id: '6735' }, options: { document: { allowed_types: ['passport'] } } };

describe('the page scripts (run here without a browser)', () => {
  it('print the same snippets as the Markdown docs, from the page data alone', () => {
    const index = indexDecls(api);
    for (const op of api.operations) {
      const spec = tryItSpec(op, '@utdk/stripe', api.serverUrl, index);
      const values = op.params?.in === 'body' ? params : { limit: 3 };
      const pathValues = Object.fromEntries(op.pathParams.map((p) => [p.name, 'vs_123']));
      expect(liveSnippets(spec, values, pathValues)).toEqual({
        typescript: typescriptSnippet(op, '@utdk/stripe', values, pathValues),
        curl: curlSnippet(op, api.serverUrl, values, pathValues),
      });
    }
  });

  it('send the body the snippets show, encoded by the client runtime', () => {
    const op = api.operations.find((o) => o.id === 'PostIdentityVerificationSessions')!;
    const spec = tryItSpec(op, '@utdk/stripe', api.serverUrl, indexDecls(api));
    const request = buildRequest(spec.operation, 'http://127.0.0.1:8787', params, {}, 'access-key-1234567890');
    expect(request.url).toBe('http://127.0.0.1:8787/v1/identity/verification_sessions');
    expect(request.init.body).toBe(encodeForm(params));
    expect(request.init.body).toBe('type=document&metadata[order_id]=6735&options[document][allowed_types][0]=passport');
    expect(request.init).toMatchObject({ method: 'POST', credentials: 'omit', redirect: 'error' });
    expect(request.init.headers).toEqual({ Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded', 'X-Gateway-Key': 'access-key-1234567890' });
    const curl = liveSnippets(spec, params, {}).curl;
    for (const pair of (request.init.body as string).split('&')) expect(curl).toContain(pair);
  });

  it('put query parameters in the URL and path values encoded', () => {
    const list = api.operations.find((o) => o.id === 'GetIdentityVerificationSessions')!;
    const spec = tryItSpec(list, '@utdk/stripe', api.serverUrl, indexDecls(api));
    expect(buildRequest(spec.operation, 'http://gw', { limit: 3, expand: ['data.last_error'] }, {}, '')).toMatchObject({
      url: 'http://gw/v1/identity/verification_sessions?limit=3&expand[0]=data.last_error',
      init: { method: 'GET', body: undefined, headers: { Accept: 'application/json' } },
    });
    const cancel = api.operations.find((o) => o.id === 'PostIdentityVerificationSessionsSessionCancel')!;
    const cancelSpec = tryItSpec(cancel, '@utdk/stripe', api.serverUrl, indexDecls(api));
    expect(buildRequest(cancelSpec.operation, 'http://gw', {}, { session: 'vs_1/../x' }, '').url).toBe('http://gw/v1/identity/verification_sessions/vs_1%2F..%2Fx/cancel');
  });

  it('check the gateway URL and spot a Stripe key typed in the wrong place', () => {
    expect(parseGatewayUrl('http://127.0.0.1:8787/')).toEqual({ url: 'http://127.0.0.1:8787' });
    expect(parseGatewayUrl('')).toEqual({});
    expect(parseGatewayUrl('javascript:alert(1)').problem).toBeDefined();
    expect(parseGatewayUrl('http://user:pw@host').problem).toBeDefined();
    expect(parseGatewayUrl('127.0.0.1:8787').problem).toBeDefined();
    expect(looksLikeStripeSecret('sk_test_51abc')).toBe(true);
    expect(looksLikeStripeSecret('rk_live_51abc')).toBe(true);
    expect(looksLikeStripeSecret('my-gateway-access-key')).toBe(false);
  });
});
