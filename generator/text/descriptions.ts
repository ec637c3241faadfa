import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';
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
  const markdown = hasHtmlMarkup(absolute) ? htmlToMarkdown(absolute) : inertMarkdown(absolute.trim());
  cache.set(description, markdown);
  return markdown;
}

const HTML_MARKUP = /<[a-z/!]|&(#\d+|#x[0-9a-f]+|[a-z]+);/i;

/** Whether a description goes through the HTML converter (the slow path of `descriptionMarkdown`). */
export function hasHtmlMarkup(description: string): boolean {
  // Markup needs a `<` or an `&`; looking for those is quicker than the expression's scan, and most
  // descriptions (every one in the spec is checked) have neither.
  return (description.includes('<') || description.includes('&')) && HTML_MARKUP.test(description);
}

/** Conversions made elsewhere (on another thread), as `[description, markdown]`: later calls reuse them. */
export function rememberMarkdown(entries: Iterable<readonly [string, string]>): void {
  for (const [description, markdown] of entries) cache.set(description, markdown);
}

export function absoluteLinks(text: string): string {
  let absolute = text;
  // Each pass only when the text can hold what it rewrites: an `href=`, a `](/`.
  if (absolute.includes('=')) absolute = absolute.replace(/(href\s*=\s*["'])\/(?!\/)/gi, `$1${DOCS_ORIGIN}/`);
  if (absolute.includes('](/')) absolute = absolute.replace(/\]\(\/(?!\/)/g, `](${DOCS_ORIGIN}/`);
  return absolute;
}

/**
 * The HTML-to-Markdown converter, loaded on first use: a run whose output is cached never needs it.
 * Text is escaped for Markdown and also for the HTML a Markdown renderer lets through: a `<` or `&`
 * in the text (written `&lt;` in the spec) stays a character, never becomes a tag.
 */
export function htmlConverter(): TurndownService {
  if (!turndown) {
    const Turndown = createRequire(import.meta.url)('turndown') as typeof TurndownService;
    const converter = new Turndown({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
    const escapeMarkdown = converter.escape.bind(converter);
    converter.escape = (text: string) => escapeMarkdown(text).replace(/&/g, '&amp;').replace(/</g, '&lt;');
    turndown = converter;
  }
  return turndown;
}

let sanitizer: typeof sanitizeHtml | undefined;

/**
 * The markup a description may keep on its way to Markdown: text formatting, lists, tables, code and
 * http(s)/mailto links. Everything else is dropped, and the content of elements whose content is not
 * text to show (`<style>`, `<script>`, `<textarea>`...) with it.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'a', 'code', 'pre', 'em', 'strong', 'b', 'i', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'span', 'div', 'sup', 'sub'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'select', 'noscript', 'noembed', 'noframes', 'title', 'xmp', 'iframe', 'template', 'svg', 'math', 'object'],
  // The converter walks the document recursively: thousands of unclosed tags would overflow its stack.
  nestingLimit: 32,
};

function htmlToMarkdown(html: string): string {
  sanitizer ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtml;
  return htmlConverter().turndown(sanitizer(html, SANITIZE_OPTIONS)).trim();
}

/**
 * A description without HTML markup is Markdown already; only a link or image to anything but
 * http(s), mailto or a fragment loses its target (a `javascript:` link is live in many renderers).
 */
function inertMarkdown(markdown: string): string {
  if (!markdown.includes('](')) return markdown;
  return markdown.replace(/(!?\[[^\]\n]*\])\(\s*([^)\s]*)[^)]*\)/g, (link, label: string, target: string) =>
    /^(https?:|mailto:|#)/i.test(target) ? link : label.replace(/^!/, ''),
  );
}

/** The first sentence of a description, as plain text, for one-line summaries. */
export function firstSentence(markdown: string): string {
  const plain = markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim();
  const match = /^(.+?[.!?])(\s|$)/.exec(plain);
  return match ? match[1]! : plain;
}
