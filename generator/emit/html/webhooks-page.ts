import crypto from 'node:crypto';
import type { Decl, Operation } from '../../model/types.js';
import type { EventDoc, WebhooksDocs } from '../docs/webhooks-data.js';
import type { PackageInfo } from '../package/package-files.js';
import type { HtmlTemplates } from './html-templates.js';

/** The webhooks page's file, beside the operation pages (the model keeps operations off this name). */
export const WEBHOOKS_PAGE = 'webhooks.html';

/**
 * An event type's anchor on the webhooks page. Event types come from the spec: only characters that
 * need no escaping in an id or a URL fragment are kept, and a type that had others gets a short hash
 * of itself, so that two such types cannot share an anchor.
 */
export function eventAnchor(type: string): string {
  const safe = type.replace(/[^A-Za-z0-9._-]/g, '_');
  return safe === type ? `event-${type}` : `event-${safe}-${crypto.createHash('sha256').update(type).digest('hex').slice(0, 8)}`;
}

/** `docs/webhooks.html`: the Markdown webhooks page's content in the portal's layout, handlers beside the text. */
export function webhooksPage(templates: HtmlTemplates, docs: WebhooksDocs, pkg: PackageInfo, pageFile: (op: Operation) => string): string {
  return templates.render('webhooks.hbs', {
    pageTitle: `Handling webhooks · ${pkg.name}`,
    packageName: pkg.name,
    webhooksPage: true,
    handlers: [
      { id: 'snippet-node', title: 'Node http', note: '', code: docs.snippets.node },
      { id: 'snippet-express', title: 'Express', note: 'Mount the webhook route with express.raw(), before any express.json() that would parse its body.', code: docs.snippets.express },
      { id: 'snippet-fetch', title: 'Fetch-style (edge runtimes, Deno, Bun)', note: '', code: docs.snippets.fetch },
    ],
    eventCount: docs.events.length,
    typedCount: docs.typedCount,
    someUntyped: docs.typedCount < docs.events.length,
    groups: eventGroups(docs.events, pageFile),
  });
}

/** The event types grouped by the object they carry, in the order of each group's first type. */
function eventGroups(events: EventDoc[], pageFile: (op: Operation) => string) {
  const groups = new Map<string, EventDoc[]>();
  for (const event of events) {
    const key = JSON.stringify(event.objects.map((o) => o.value));
    const members = groups.get(key);
    if (members) members.push(event);
    else groups.set(key, [event]);
  }
  return [...groups.values()].map((members, i) => ({
    anchor: `object-${i + 1}`,
    objects: members[0]!.objects.map((o) => ({ ...o, differs: o.typeName !== undefined && o.typeName !== o.value })),
    events: members.map((e) => ({ type: e.type, anchor: eventAnchor(e.type) })),
    operations: members[0]!.operations.map((op) => ({ file: pageFile(op), title: op.title })),
  }));
}

/** What an operation page says of the events its object is sent in: the `operation-events` partial's data. */
export function operationWebhookEvents(docs: WebhooksDocs, op: Operation, responseDecl: Decl | undefined) {
  return {
    objectName: responseDecl?.id ?? '',
    page: WEBHOOKS_PAGE,
    events: (docs.eventsByOperation.get(op) ?? []).map((type) => ({ type, anchor: eventAnchor(type) })),
  };
}
