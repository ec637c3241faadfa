import { createRequire } from 'node:module';
import type TurndownService from 'turndown';

/** Stripe's spec links to its docs with site-relative paths; off stripe.com they must be absolute. */
export const DOCS_ORIGIN = 'https://stripe.com';

let turndown: TurndownService | undefined;
const cache = new Map<string, string>();

/**
 * A spec description (HTML in operation descriptions, Markdown-ish in fields) as Markdown with
 * absolute links. Most field descriptions hold no markup at all, so they skip the HTML converter.
 */
export function descriptionMarkdown(description: string | undefined): string {
  if (!description) return '';
  const hit = cache.get(description);
  if (hit !== undefined) return hit;
  const absolute = absoluteLinks(description);
  const markdown = hasHtmlMarkup(absolute) ? htmlToMarkdown(absolute) : absolute.trim();
  cache.set(description, markdown);
  return markdown;
}

const HTML_MARKUP = /<[a-z/!]|&(#\d+|#x[0-9a-f]+|[a-z]+);/i;

/** Whether a description goes through the HTML converter (the slow path of `descriptionMarkdown`). */
export function hasHtmlMarkup(description: string): boolean {
  return HTML_MARKUP.test(description);
}

/** Conversions made elsewhere (on another thread), as `[description, markdown]`: later calls reuse them. */
export function rememberMarkdown(entries: Iterable<readonly [string, string]>): void {
  for (const [description, markdown] of entries) cache.set(description, markdown);
}

export function absoluteLinks(text: string): string {
  return text
    .replace(/(href\s*=\s*["'])\/(?!\/)/gi, `$1${DOCS_ORIGIN}/`)
    .replace(/\]\(\/(?!\/)/g, `](${DOCS_ORIGIN}/`);
}

/** The HTML-to-Markdown converter, loaded on first use: a run whose output is cached never needs it. */
export function htmlConverter(): TurndownService {
  if (!turndown) {
    const Turndown = createRequire(import.meta.url)('turndown') as typeof TurndownService;
    turndown = new Turndown({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
  }
  return turndown;
}

function htmlToMarkdown(html: string): string {
  return htmlConverter().turndown(html).trim();
}

/** The first sentence of a description, as plain text, for one-line summaries. */
export function firstSentence(markdown: string): string {
  const plain = markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim();
  const match = /^(.+?[.!?])(\s|$)/.exec(plain);
  return match ? match[1]! : plain;
}
