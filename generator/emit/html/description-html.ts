import sanitizeHtml from 'sanitize-html';
import { DOCS_ORIGIN } from '../../text/descriptions.js';

/**
 * Spec descriptions as safe HTML for the pages. Operation descriptions are HTML; field descriptions
 * are plain text with Markdown links and code spans. Both end in sanitize-html with a short allow-list:
 * no scripts, no event handlers, no images, no styles, and links only to http(s)/mailto, made absolute
 * against stripe.com (the spec links to `/docs/...`, which breaks off Stripe's site).
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'a', 'code', 'pre', 'em', 'strong', 'b', 'i', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Text of a dropped tag is kept (as text), except inside these, whose content is dropped whole.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template', 'iframe', 'object', 'svg', 'math'],
  transformTags: {
    a: (tagName, attribs) => {
      const href = absoluteHref(attribs.href);
      const out: sanitizeHtml.Attributes = {};
      if (href) out.href = href;
      return { tagName, attribs: out };
    },
  },
};

const cache = new Map<string, string>();
const HTML_TAG = /<\/?[a-z][^>]*>/i;

export function descriptionHtml(text: string | undefined): string {
  if (!text) return '';
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const markup = HTML_TAG.test(text) ? text : markdownishToHtml(text);
  const safe = sanitizeHtml(markup, OPTIONS).trim();
  cache.set(text, safe);
  return safe;
}

// Between descriptions sanitized together: the markup `markdownishToHtml` writes has no `<br>` and no
// raw `<`, so every `<br />` in the output is one of these.
const JOINED = '<br>';
const SPLIT = '<br />';

/**
 * Sanitizes the descriptions the pages will show, ahead of them and together: one sanitize-html pass
 * over thousands of descriptions costs about half of one pass per description, most of which is the
 * parser's fixed cost. Only Markdown-ish descriptions go together, since their markup is written by
 * this module, balanced around escaped text; a description holding HTML of its own is sanitized on
 * its own when first shown, so an unclosed tag in it cannot reach into another.
 */
export function prepareDescriptionHtml(texts: Iterable<string>): void {
  const pending = [...new Set(texts)].filter((text) => text && !cache.has(text) && !HTML_TAG.test(text));
  if (pending.length < 2) return;
  const parts = sanitizeHtml(pending.map(markdownishToHtml).join(JOINED), OPTIONS).split(SPLIT);
  // A count that does not match would mean a split inside a description: each is then sanitized alone.
  if (parts.length !== pending.length) return;
  pending.forEach((text, i) => cache.set(text, parts[i]!.trim()));
}

/** Plain text of a description, for places that take no markup (an index row, a `title`). */
export function descriptionText(text: string | undefined): string {
  if (!text) return '';
  let plain = textCache.get(text);
  if (plain === undefined) textCache.set(text, (plain = plainText(descriptionHtml(text))));
  return plain;
}

const textCache = new Map<string, string>();

function plainText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|li)>/g, ' '), { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function absoluteHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, `${DOCS_ORIGIN}/`);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Paragraphs, `code` spans and `[text](url)` links; everything else is escaped text. */
function markdownishToHtml(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${inline(paragraph.trim())}</p>`)
    .join('\n');
}

function inline(text: string): string {
  const parts: string[] = [];
  const pattern = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(escapeText(text.slice(last, match.index)));
    if (match[1] !== undefined) parts.push(`<code>${escapeText(match[1])}</code>`);
    else parts.push(`<a href="${escapeText(match[3]!)}">${escapeText(match[2]!)}</a>`);
    last = match.index + match[0].length;
  }
  parts.push(escapeText(text.slice(last)));
  return parts.join('');
}

function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
