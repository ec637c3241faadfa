import { declsBySchema } from '../../model/events.js';
import type { ApiModel, Decl, Operation } from '../../model/types.js';
import { tsString } from '../../text/escape.js';
import type { PackageInfo } from '../package/package-files.js';

/**
 * What the webhooks docs say, for the Markdown and the HTML pages alike: the handler snippets (plain
 * TypeScript, escaped by each page for its format), every event type with the object it carries (as
 * this package types it) and the operations on that object, and which events each operation's object
 * is sent in. Each page only formats this.
 */
export interface WebhooksDocs {
  snippets: { node: string; express: string; fetch: string };
  events: EventDoc[];
  /** How many event types have every object typed by this package. */
  typedCount: number;
  /** The event types whose `data.object` is what each operation returns: for its page. */
  eventsByOperation: Map<Operation, string[]>;
}

export interface EventDoc {
  type: string;
  /** Empty when no schema matches the type (a retired object). */
  objects: EventObjectDoc[];
  /** The operations of this build that change the event's object (not its reads: GET), in model order. */
  operations: Operation[];
}

export interface EventObjectDoc {
  /** The `object` value: `identity.verification_session`. */
  value: string;
  /** The package's type for it (`Identity.VerificationSession`), or undefined when the build does not include it. */
  typeName: string | undefined;
}

export function webhooksDocs(model: ApiModel, pkg: PackageInfo, index: Map<string, Decl>): WebhooksDocs {
  const bySchema = declsBySchema(index);
  const events = model.events ?? [];
  const typesBySchema = eventTypesBySchema(model);
  const operationsBySchema = new Map<string, Operation[]>();
  const eventsByOperation = new Map<Operation, string[]>();
  for (const op of model.operations) {
    const schemaKey = responseSchemaKey(op, index);
    eventsByOperation.set(op, (schemaKey && typesBySchema.get(schemaKey)) || []);
    if (schemaKey && op.method !== 'GET') operationsBySchema.set(schemaKey, [...(operationsBySchema.get(schemaKey) ?? []), op]);
  }
  return {
    snippets: snippets(pkg.name, exampleEvents(model, bySchema)),
    events: events.map((e) => ({
      type: e.type,
      objects: e.objects.map((o) => ({ value: o.value, typeName: bySchema.get(o.schemaKey)?.id })),
      operations: [...new Set(e.objects.flatMap((o) => operationsBySchema.get(o.schemaKey) ?? []))],
    })),
    typedCount: events.filter((e) => e.objects.length > 0 && e.objects.every((o) => bySchema.has(o.schemaKey))).length,
    eventsByOperation,
  };
}

/** The event types whose `data.object` can be each schema's object, in the model's (sorted) order. */
function eventTypesBySchema(model: ApiModel): Map<string, string[]> {
  const types = new Map<string, string[]>();
  for (const event of model.events ?? []) {
    for (const schemaKey of new Set(event.objects.map((o) => o.schemaKey))) types.set(schemaKey, [...(types.get(schemaKey) ?? []), event.type]);
  }
  return types;
}

/** The schema of the object `op` returns (each item's, for a list), when it is one of the build's declarations. */
function responseSchemaKey(op: Operation, index: Map<string, Decl>): string | undefined {
  const type = op.response.type;
  return type.kind === 'ref' ? index.get(type.id)?.schemaKey : undefined;
}

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
