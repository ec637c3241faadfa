import { beforeAll, describe, expect, it } from 'vitest';
import { emitMarkdownDocs } from '../../generator/emit/docs/emit-docs.js';
import { emitHtmlDocs } from '../../generator/emit/html/emit-html.js';
import type { ApiModel } from '../../generator/model/types.js';
import { model } from '../support/project.js';

const pkg = { name: '@utdk/stripe', version: '0.1.0' };
let api: ApiModel;
let files: Map<string, string>;
let page: string;

beforeAll(async () => {
  api = await model({ resources: ['identity.verification_sessions'] });
  files = emitHtmlDocs(api, pkg);
  page = files.get('docs/webhooks.html')!;
});

/** The text of an element's content, tags dropped and entities of the page's escaping decoded. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function codeBlock(html: string, id: string): string {
  const match = new RegExp(`<code id="${id}">([\\s\\S]*?)</code>`).exec(html);
  expect(match, id).not.toBeNull();
  return text(match![1]!);
}

function markdownBlock(markdown: string, heading: string): string {
  return /```ts\n([\s\S]*?)\n```/.exec(markdown.slice(markdown.indexOf(`## ${heading}`)))![1]!;
}

describe('the HTML webhooks page', () => {
  it('shows the Markdown page\'s three handlers, byte for byte', () => {
    const markdown = emitMarkdownDocs(api, pkg).get('docs/webhooks.md')!;
    expect(codeBlock(page, 'snippet-node')).toBe(markdownBlock(markdown, 'Node `http`'));
    expect(codeBlock(page, 'snippet-express')).toBe(markdownBlock(markdown, 'Express'));
    expect(codeBlock(page, 'snippet-fetch')).toBe(markdownBlock(markdown, 'Fetch-style handlers'));
    expect(codeBlock(page, 'snippet-node')).toContain("case 'identity.verification_session.verified':");
  });

  it('lists every event type of the spec once, with an anchor, grouped by the object it carries', () => {
    const ids = [...page.matchAll(/<li id="(event-[^"]+)"><code>([^<]+)<\/code><\/li>/g)];
    expect(ids.map((m) => m[2]).sort()).toEqual(api.events!.map((e) => e.type).sort());
    expect(ids.length).toBe(222);
    expect(new Set(ids.map((m) => m[1])).size).toBe(ids.length);
    expect(page).toContain(`<p>222 event types; 6 of them have their object typed by this package.`);
    // The build's own object: its type, its `object` value, and the operations that change it (not the reads).
    const group = /<div class="event-group">\s*<h3 id="object-\d+"><code>Identity.VerificationSession<\/code> \(<code>identity.verification_session<\/code>\)<\/h3>([\s\S]*?)<\/div>/.exec(page);
    expect(group).not.toBeNull();
    expect([...group![1]!.matchAll(/<li id="[^"]+"><code>([^<]+)<\/code>/g)].map((m) => m[1])).toEqual([
      'identity.verification_session.canceled',
      'identity.verification_session.created',
      'identity.verification_session.processing',
      'identity.verification_session.redacted',
      'identity.verification_session.requires_input',
      'identity.verification_session.verified',
    ]);
    expect(group![1]).toContain(
      'Changed by: <a href="PostIdentityVerificationSessions.html">Create a VerificationSession</a>, <a href="PostIdentityVerificationSessionsSession.html">Update a VerificationSession</a>, <a href="PostIdentityVerificationSessionsSessionCancel.html">Cancel a VerificationSession</a>, <a href="PostIdentityVerificationSessionsSessionRedact.html">Redact a VerificationSession</a>.',
    );
    // Objects outside the build, several objects, and none.
    expect(page).toContain('<h3 id="object-');
    expect(page).toMatch(/<code>customer<\/code> <span class="optional">\(not in this package\)<\/span><\/h3>\s*<ul class="event-list">\s*<li id="event-customer.created">/);
    expect(page).toContain('<code>bank_account</code> <span class="optional">(not in this package)</span> or <code>card</code> <span class="optional">(not in this package)</span> or <code>source</code>');
    expect(page).toMatch(/Untyped <span class="optional">\(no schema matches\)<\/span><\/h3>\s*<ul class="event-list">\s*<li id="event-order.created">/);
  });

  it('shows the mock\'s webhook options and trigger, and every verification failure reason', () => {
    expect(codeBlock(page, 'snippet-mock')).toBe(
      'sdkgen mock --webhook http://localhost:3000/webhook --webhook-secret whsec_test\nsdkgen mock trigger identity.verification_session.verified --id vs_… --api-key sk_test_…',
    );
    const reasons = [...page.matchAll(/<dt><code>([a-z_]+)<\/code><\/dt>/g)].map((m) => m[1]);
    expect(reasons).toEqual(['no_header', 'bad_header', 'no_signatures', 'no_match', 'timestamp', 'payload_type', 'no_payload', 'no_crypto']);
  });

  it('is linked from the navigation of every page and from the index, and marked current on itself', () => {
    for (const [file, html] of files) {
      if (!file.endsWith('.html')) continue;
      const current = file === 'docs/webhooks.html' ? ' aria-current="page"' : '';
      expect(html, file).toContain(`<p class="nav-pages"><a href="webhooks.html"${current}>Handling webhooks</a></p>`);
    }
    expect(files.get('docs/index.html')).toContain('<main id="main" class="reference">');
    expect(files.get('docs/index.html')!.split('<main')[1]).toContain('<a href="webhooks.html">Handling webhooks</a>');
  });

  it('lists on each operation page the events its object is sent in, as the Markdown page does, linked to their anchors', () => {
    const markdown = emitMarkdownDocs(api, pkg);
    for (const op of api.operations) {
      const html = files.get(`docs/${op.names.docFile}.html`)!;
      const linked = [...html.matchAll(/<li><a href="webhooks.html#event-([^"]+)"><code>([^<]+)<\/code><\/a><\/li>/g)];
      const listed = /## Webhook events\n\n[^\n]*\n([^\n]*)\./.exec(markdown.get(`docs/${op.names.docFile}.md`)!)![1]!.split(', ').map((s) => s.replace(/`/g, ''));
      expect(linked.map((m) => m[2]), op.id).toEqual(listed);
      expect(linked.map((m) => m[1]), op.id).toEqual(listed);
      expect(html, op.id).toContain('<p><code>Identity.VerificationSession</code> is the <code>data.object</code> of these events (<a href="webhooks.html">handling webhooks</a>):</p>');
      expect(Buffer.byteLength(html), op.id).toBeLessThan(100 * 1024);
    }
  });

  it('says nothing of events on a page whose object has none', async () => {
    const other = await model({ operations: ['GetApplePayDomains'] });
    expect(emitHtmlDocs(other, pkg).get('docs/GetApplePayDomains.html')).not.toContain('webhook-events');
  });
});

describe('the HTML webhooks page: spec text is untrusted', () => {
  const attack = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
  let hostilePage: string;
  let hostileOperation: string;

  beforeAll(async () => {
    const hostile = await model({ resources: ['identity.verification_sessions'] });
    const session = hostile.events!.find((e) => e.type === 'identity.verification_session.verified')!;
    hostile.events!.push({ type: `identity.verification_session.${attack}`, objects: session.objects });
    hostile.events!.push({ type: `${attack}.created`, objects: [{ value: attack, schemaKey: attack, hasId: true }] });
    // Two types that differ only where the anchor replaces characters.
    hostile.events!.push({ type: 'identity.verification_session.a b', objects: session.objects }, { type: 'identity.verification_session.a_b', objects: session.objects });
    const create = hostile.operations.find((op) => op.id === 'PostIdentityVerificationSessions')!;
    create.title = `Create ${attack}`;
    const html = emitHtmlDocs(hostile, pkg);
    hostilePage = html.get('docs/webhooks.html')!;
    hostileOperation = html.get('docs/PostIdentityVerificationSessions.html')!;
  });

  it('renders event types, object names and operation titles inert, with anchors that need no escaping', () => {
    for (const html of [hostilePage, hostileOperation]) {
      expect(html).not.toMatch(/<img\b/i);
      expect(html).not.toMatch(/\sonerror=/i);
      expect(html.match(/<script\b/g)).toHaveLength(html === hostilePage ? 3 : 4);
    }
    const ids = [...hostilePage.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(hostilePage).toContain('<li id="event-identity.verification_session.a_b"><code>identity.verification_session.a_b</code></li>');
    expect(hostilePage).toMatch(/<li id="event-identity.verification_session.a_b-[0-9a-f]{8}"><code>identity.verification_session.a b<\/code><\/li>/);
    expect(hostilePage).toContain('<code>identity.verification_session.&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;</code>');
    expect(hostilePage).toContain('<li id="event-identity.verification_session.___img_src_x_onerror_alert_1___script_alert_2___script_-00834f10">');
    expect(hostilePage).toContain('<code>&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;</code> <span class="optional">(not in this package)</span>');
    expect(hostilePage).toContain('<a href="PostIdentityVerificationSessions.html">Create &quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;</a>');
    expect(hostileOperation).toContain(
      '<li><a href="webhooks.html#event-identity.verification_session.___img_src_x_onerror_alert_1___script_alert_2___script_-00834f10"><code>identity.verification_session.&quot;&gt;&lt;img',
    );
  });
});
