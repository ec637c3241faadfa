import { beforeAll, describe, expect, it } from 'vitest';
import { emitHtmlDocs } from '../../generator/emit/html/emit-html.js';
import { pageAssets } from '../../generator/emit/html/page-assets.js';
import type { TryItSpec } from '../../generator/emit/html/browser/tryit-spec.js';
import type { ApiModel } from '../../generator/model/types.js';
import { model } from '../support/project.js';

const pkg = { name: '@utdk/stripe', version: '0.1.0' };
let api: ApiModel;
let files: Map<string, string>;

beforeAll(async () => {
  api = await model({ resources: ['identity.verification_sessions'] });
  files = new Map([...emitHtmlDocs(api, pkg), ...pageAssets()]);
});

function tryIt(html: string): TryItSpec {
  const match = /<script type="application\/json" id="try-it-spec">([^<]*)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!) as TryItSpec;
}

describe('HTML docs', () => {
  it('writes an index, a page per operation and the shared assets', () => {
    expect([...files.keys()].sort()).toEqual([
      'docs/GetIdentityVerificationSessions.html',
      'docs/GetIdentityVerificationSessionsSession.html',
      'docs/PostIdentityVerificationSessions.html',
      'docs/PostIdentityVerificationSessionsSession.html',
      'docs/PostIdentityVerificationSessionsSessionCancel.html',
      'docs/PostIdentityVerificationSessionsSessionRedact.html',
      'docs/assets/docs.css',
      'docs/assets/nav-data.js',
      'docs/assets/nav.js',
      'docs/assets/search.js',
      'docs/assets/try-it.js',
      'docs/assets/webhooks.js',
      'docs/index.html',
      'docs/webhooks.html',
    ]);
  });

  it('is deterministic', async () => {
    const again = new Map([...emitHtmlDocs(await model({ resources: ['identity.verification_sessions'] }), pkg), ...pageAssets()]);
    expect([...again.entries()]).toEqual([...files.entries()]);
  });

  it('indexes every operation with a link, searchable text and a deep-link anchor', () => {
    const index = files.get('docs/index.html')!;
    for (const op of api.operations) {
      expect(index).toContain(`<li id="op-${op.id}" data-search="`);
      expect(index).toContain(`<a href="${op.id}.html">${op.title}</a>`);
    }
    expect(index).toContain('<label for="search">Search operations</label>');
    expect(index).toContain('<script src="assets/search.js"></script>');
  });

  it('documents the create operation as the seed page does, without its flaws', () => {
    const page = files.get('docs/PostIdentityVerificationSessions.html')!;
    expect(page).toContain('<h1>Create a VerificationSession</h1>');
    expect(page).toContain('<span class="method method-post">POST</span> <code>/v1/identity/verification_sessions</code>');
    expect(page).toContain('<dt>Operation id</dt><dd><code>PostIdentityVerificationSessions</code></dd>');
    // The description is rendered HTML (no literal <p>), with absolute links.
    expect(page).toContain('<div class="description"><p>Creates a VerificationSession object.</p>');
    expect(page).toContain('<a href="https://stripe.com/docs/identity/verify-identity-documents">');
    expect(page).not.toMatch(/href="\/(?!\/)/);
    expect(page).not.toContain('&lt;p&gt;');
    // Parameter reference: names as sent, types, required, enum values, nested children folded.
    expect(page).toContain('<li id="param-type"><code>type</code> <small>enum</small> <span class="badge required">required</span>');
    expect(page).toMatch(/id="param-type">[\s\S]*?<span class="badge required">required<\/span>[\s\S]*?Possible values: <code>document<\/code>, <code>id_number<\/code>\./);
    expect(page).toContain('<summary>Child parameters of <code>options</code> (1)</summary>');
    expect(page).toContain('<li id="param-options.document.allowed_types" data-form="ae3"><code>allowed_types</code> <small>array of enum</small>');
    expect(page).toContain('Possible values: <code>driving_license</code>, <code>id_card</code>, <code>passport</code>.');
    expect(page).toContain('<small>object or &#34;&#34;</small>');
    expect(page).toContain('A type ending in <code>or ""</code> also takes an empty string (<code>""</code>), which unsets the field.');
    expect(page).toContain('An object of type <code>Identity.VerificationSession</code> (<code>identity.verification_session</code>).');
    // Try-it: the seed page's sections, and the send button off until a gateway is set.
    expect(page).toContain('<legend>Authentication</legend>');
    expect(page).toContain('<legend>Gateway</legend>');
    expect(page).toContain('<button id="send" type="button" disabled aria-describedby="send-hint">');
    expect(page).toContain('Enter a gateway URL above to enable sending.');
    expect(page).toContain(`<code id="snippet-ts">import stripe from '@utdk/stripe';`);
    // Nothing from a CDN, scripts only from the package's own assets.
    expect(page).not.toMatch(/(src|href)="https?:\/\/(?!stripe\.com\/)/);
    expect([...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([
      '<script src="assets/nav-data.js">',
      '<script src="assets/nav.js">',
      '<script type="application/json" id="try-it-spec">',
      '<script src="assets/try-it.js">',
    ]);
  });

  it('gives each request field its Try-it widget in the reference, and embeds only the call and its example', () => {
    const page = files.get('docs/PostIdentityVerificationSessions.html')!;
    const spec = tryIt(page);
    expect(Object.keys(spec).sort()).toEqual(['example', 'operation', 'packageName', 'serverUrl']);
    expect(spec.operation).toMatchObject({ id: 'PostIdentityVerificationSessions', method: 'POST', flat: 'postIdentityVerificationSessions', paramsIn: 'body', paramsRequired: true, pathParams: [] });
    expect(spec.example.params).toMatchObject({ type: 'document' });
    // The form reads each entry's `data-form`: absent for text or an enum of the listed values.
    const forms = Object.fromEntries([...page.matchAll(/<li id="(param-[^"]+)"(?: data-form="([^"]*)")?>/g)].map((m) => [m[1], m[2] ?? '']));
    expect(forms).toEqual({
      'param-type': '',
      'param-expand': 'ae1',
      'param-metadata': 'm',
      'param-options': 'o0',
      'param-options.document': '?o0',
      'param-options.document.allowed_types': 'ae3',
      'param-options.document.require_id_number': 'b',
      'param-options.document.require_live_capture': 'b',
      'param-options.document.require_matching_selfie': 'b',
      'param-return_url': '',
    });
  });

  it('lists each object type of a union under the field, and writes ranges and choices for the form', async () => {
    const api = await model({ operations: ['PostPaymentMethods', 'GetCharges'] });
    const html = emitHtmlDocs(api, pkg);
    const methods = html.get('docs/PostPaymentMethods.html')!;
    expect(methods).toContain('<li id="param-card" data-form="(o0|o1)">');
    expect(methods).toContain('<summary>Child parameters of <code>card</code> as <code>CardDetailsParams</code> (4)</summary>');
    expect(methods).toContain('<summary>Child parameters of <code>card</code> as <code>TokenParams</code> (1)</summary>');
    const charges = html.get('docs/GetCharges.html')!;
    expect(charges).toContain('<li id="param-created" data-form="(r|n)">');
    // Anchors stay unique in a page, even where two object types share a field name.
    for (const page of html.values()) {
      const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('marks timestamps, expandable and deprecated fields, and shows example responses and errors', async () => {
    const page = files.get('docs/PostIdentityVerificationSessions.html')!;
    expect(page).toContain('<li id="field-created"><code>created</code> <small>Unix timestamp</small><div class="param-description">');
    expect(page).toMatch(/id="field-last_verification_report">[^\n]*<span class="badge expandable"[^>]*>expandable<\/span>/);
    expect(page).toContain('<code id="example-response">{\n  "id": "vs_');
    expect(page).toContain('<h3 id="error-0" class="error-title">400 invalid_request_error · parameter_missing</h3>');
    // The initial snippets hold every required field.
    expect(page).toContain("stripe.postIdentityVerificationSessions({\n  type: 'document',");
    expect(page).toContain('-d type=document');
    // The pinned spec deprecates no field: one marked so shows the badge.
    const marked = await model({ operations: ['PostIdentityVerificationSessions'] });
    const params = marked.operations[0]!.params!.decl;
    if (params.body.kind === 'interface') params.body.properties.find((p) => p.name === 'return_url')!.deprecated = true;
    const html = emitHtmlDocs(marked, pkg).get('docs/PostIdentityVerificationSessions.html')!;
    expect(html).toMatch(/id="param-return_url">[^\n]*<span class="badge deprecated">deprecated<\/span>/);
  });

  it('gives operations with path parameters their inputs', () => {
    const page = files.get('docs/PostIdentityVerificationSessionsSessionCancel.html')!;
    expect(tryIt(page).operation.pathParams).toEqual(['session']);
    expect(page).toContain('<ul class="params" id="ref-path">\n<li id="path-session"><code>session</code> <small>string</small> <span class="badge required">required</span></li>');
  });
});

describe('HTML docs: spec text is untrusted', () => {
  const attack = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
  let page: string;

  beforeAll(async () => {
    const hostile = await model({ operations: ['PostIdentityVerificationSessions'] });
    const op = hostile.operations[0]!;
    op.title = `Create ${attack}`;
    op.description = `<p>Intro</p>${attack}<a href="javascript:alert(3)">x</a>`;
    const params = op.params!.decl;
    if (params.body.kind === 'interface') {
      params.body.properties[0]!.description = attack;
      // An enum value: it lands in the reference, the form's select and the snippets' example.
      params.body.properties[0]!.type = { kind: 'union', members: [{ kind: 'literal', value: attack }, { kind: 'literal', value: 'id_number' }] };
    }
    page = emitHtmlDocs(hostile, pkg).get('docs/PostIdentityVerificationSessions.html')!;
  });

  it('renders it inert in titles, descriptions, enum values, snippets and the embedded JSON', () => {
    // The only script elements are the page's own four.
    expect(page.match(/<script\b/g)).toHaveLength(4);
    expect(page).not.toMatch(/<img\b/i);
    // No element has the handler: where the attack is text, its `<` is escaped.
    expect(page).not.toMatch(/<[a-z][^<>]*\sonerror=/i);
    expect(page).not.toContain('javascript:');
    expect(page).toContain('<h1>Create &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;</h1>');
    expect(page).toContain('<title>Create &lt;/script&gt;');
    // The form reads field descriptions from the reference, where the hostile one was emptied.
    expect(page).toContain('<li id="param-type"><code>type</code> <small>enum</small> <span class="badge required">required</span><p class="enum">');
    expect(page).toContain('Possible values: <code>&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;&#60;img src=x onerror=alert(2)&#62;</code>');
    expect(page).toContain("type: '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;',");
  });
});
