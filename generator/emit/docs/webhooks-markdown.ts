import { declsBySchema } from '../../model/events.js';
import type { ApiModel, Decl, Operation, WebhookEventType } from '../../model/types.js';
import { markdownCode, tsString } from '../../text/escape.js';
import type { PackageInfo } from '../package/package-files.js';

/** The event to show in snippets: one whose object this package types, the seed flow's first. */
function exampleEvents(model: ApiModel, bySchema: Map<string, Decl>): string[] {
  const events = model.events ?? [];
  const typed = events.filter((e) => e.objects.length === 1 && bySchema.has(e.objects[0]!.schemaKey) && e.objects[0]!.hasId);
  const preferred = ['identity.verification_session.verified', 'identity.verification_session.requires_input'];
  const chosen = preferred.filter((type) => typed.some((e) => e.type === type));
  if (chosen.length > 0) return chosen;
  return (typed.length > 0 ? typed : events.filter((e) => e.objects[0]?.hasId)).slice(0, 2).map((e) => e.type);
}

/** What the seed flow's events show of their narrowed object. */
const EXAMPLE_LINES: Record<string, string> = {
  'identity.verification_session.verified': 'console.log(`verified: ${event.data.object.id}`); // an Identity.VerificationSession',
  'identity.verification_session.requires_input': "console.log(`needs input: ${event.data.object.last_error?.reason ?? 'no reason given'}`);",
};

/** The `switch` every snippet ends in, indented by `indent`. */
function handleEvent(types: string[], indent: string): string {
  const lines = ['switch (event.type) {'];
  for (const type of types) {
    lines.push(`  case ${tsString(type)}:`, `    ${(Object.hasOwn(EXAMPLE_LINES, type) && EXAMPLE_LINES[type]) || 'console.log(`${event.type}: ${event.data.object.id}`);'}`, '    break;');
  }
  lines.push('  default:', '    // Every other event this endpoint is subscribed to.', '    break;', '}');
  return lines.map((line) => indent + line).join('\n');
}

function snippets(pkgName: string, types: string[]): { node: string; express: string; fetch: string } {
  const from = tsString(pkgName);
  const node = [
    "import http from 'node:http';",
    `import { StripeSignatureVerificationError, webhooks, type Event } from ${from};`,
    '',
    "const secret = process.env.STRIPE_WEBHOOK_SECRET ?? '';",
    '',
    'http',
    '  .createServer((req, res) => {',
    '    const chunks: Buffer[] = [];',
    "    req.on('data', (chunk: Buffer) => chunks.push(chunk));",
    "    req.on('end', () => {",
    '      let event: Event;',
    '      try {',
    "        event = webhooks.constructEvent(Buffer.concat(chunks), req.headers['stripe-signature'], secret);",
    '      } catch (error) {',
    '        if (!(error instanceof StripeSignatureVerificationError)) throw error;',
    '        res.writeHead(400).end(error.message);',
    '        return;',
    '      }',
    handleEvent(types, '      '),
    '      res.writeHead(200).end();',
    '    });',
    '  })',
    '  .listen(4242);',
  ].join('\n');
  const express = [
    "import express from 'express';",
    `import { webhooks } from ${from};`,
    '',
    'const app = express();',
    '',
    "app.post('/webhooks', express.raw({ type: 'application/json' }), (req, res) => {",
    '  let event;',
    '  try {',
    "    event = webhooks.constructEvent(req.body as Buffer, req.headers['stripe-signature'], process.env.STRIPE_WEBHOOK_SECRET ?? '');",
    '  } catch (error) {',
    '    res.status(400).send(`Webhook error: ${(error as Error).message}`);',
    '    return;',
    '  }',
    handleEvent(types, '  '),
    '  res.sendStatus(200);',
    '});',
    '',
    'app.listen(4242);',
  ].join('\n');
  const fetch = [
    `import { StripeSignatureVerificationError, webhooks } from ${from};`,
    '',
    '/** For `export default { fetch }` (Workers, Deno, Bun) or a route handler (Next.js, Hono). */',
    'export async function handleWebhook(request: Request, secret: string): Promise<Response> {',
    '  const payload = new Uint8Array(await request.arrayBuffer());',
    '  let event;',
    '  try {',
    "    event = await webhooks.constructEventAsync(payload, request.headers.get('stripe-signature'), secret);",
    '  } catch (error) {',
    '    if (error instanceof StripeSignatureVerificationError) return new Response(error.message, { status: 400 });',
    '    throw error;',
    '  }',
    handleEvent(types, '  '),
    '  return new Response(null, { status: 200 });',
    '}',
  ].join('\n');
  return { node, express, fetch };
}

function objectCell(event: WebhookEventType, bySchema: Map<string, Decl>): string {
  if (event.objects.length === 0) return 'untyped (no schema matches)';
  return event.objects
    .map((o) => {
      const decl = bySchema.get(o.schemaKey);
      return decl ? markdownCode(decl.id) : `${markdownCode(o.value)} (not in this package)`;
    })
    .join(' or ');
}

/** What `templates/docs/webhooks.md.hbs` is rendered with. */
export function webhooksPageData(model: ApiModel, pkg: PackageInfo, index: Map<string, Decl>): Record<string, unknown> {
  const bySchema = declsBySchema(index);
  const events = model.events ?? [];
  const code = snippets(pkg.name, exampleEvents(model, bySchema));
  const typedCount = events.filter((e) => e.objects.length > 0 && e.objects.every((o) => bySchema.has(o.schemaKey))).length;
  return {
    packageName: markdownCode(pkg.name),
    nodeSnippet: code.node,
    expressSnippet: code.express,
    fetchSnippet: code.fetch,
    eventCount: events.length,
    typedCount,
    untypedNote:
      typedCount < events.length
        ? 'The union still covers every event type: an object whose resource this package does not include is typed by its `object` value and `id` (`UntypedResource<\'customer\'>`), its other fields `unknown`. Generate with that resource (`--resources customers`) or `--all` to type it.'
        : '',
    events: events.map((e) => ({ type: e.type, object: objectCell(e, bySchema) })),
  };
}

/** The event types whose `data.object` is what `op` returns, for its page. */
export function operationEvents(model: ApiModel, op: Operation, index: Map<string, Decl>): string[] {
  const type = op.response.type;
  const schemaKey = type.kind === 'ref' ? index.get(type.id)?.schemaKey : undefined;
  if (!schemaKey) return [];
  return (model.events ?? []).filter((e) => e.objects.some((o) => o.schemaKey === schemaKey)).map((e) => e.type);
}
