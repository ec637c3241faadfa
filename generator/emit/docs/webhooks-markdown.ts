import { markdownCode, markdownText } from '../../text/escape.js';
import type { PackageInfo } from '../package/package-files.js';
import type { EventDoc, WebhooksDocs } from './webhooks-data.js';

function objectCell(event: EventDoc): string {
  if (event.objects.length === 0) return 'untyped (no schema matches)';
  return event.objects.map((o) => (o.typeName ? markdownCode(o.typeName) : `${markdownCode(o.value)} (not in this package)`)).join(' or ');
}

/** Links to the operations pages that change the event's object, as the HTML page's "Changed by". */
function changedByCell(event: EventDoc): string {
  return event.operations.map((op) => `[${markdownText(op.title)}](${encodeURIComponent(op.names.docFile)}.md)`).join(', ');
}

/** What `templates/docs/webhooks.md.hbs` is rendered with. */
export function webhooksPageData(docs: WebhooksDocs, pkg: PackageInfo): Record<string, unknown> {
  return {
    packageName: markdownCode(pkg.name),
    nodeSnippet: docs.snippets.node,
    expressSnippet: docs.snippets.express,
    fetchSnippet: docs.snippets.fetch,
    eventCount: docs.events.length,
    typedCount: docs.typedCount,
    untypedNote:
      docs.typedCount < docs.events.length
        ? 'The union still covers every event type: an object whose resource this package does not include is typed by its `object` value and `id` (`UntypedResource<\'customer\'>`), its other fields `unknown`. Generate with that resource (`--resources customers`) or `--all` to type it.'
        : '',
    events: docs.events.map((e) => ({ type: e.type, object: objectCell(e), changedBy: changedByCell(e) })),
  };
}
