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

// Between Markdown-ish descriptions sanitized together: the markup `markdownishToHtml` writes has no
// `<br>` and no raw `<`, so every `<br />` in the output is one of these.
const JOINED = '<br>';
const SPLIT = '<br />';

/**
 * Sanitizes the descriptions the pages will show, ahead of them and together: one sanitize-html pass
 * over thousands of descriptions costs about half of one pass per description, most of which is the
 * parser's fixed cost. Markdown-ish descriptions go together as their markup is written by this
 * module, balanced around escaped text. Descriptions holding HTML of their own go in a second pass,
 * each in a wrapper element the parser closes (and with it every tag the description left open)
 * before a numbered marker; see `sanitizeMarkupTogether`.
 */
export function prepareDescriptionHtml(texts: Iterable<string>): void {
  const pending = [...new Set(texts)].filter((text) => text && !cache.has(text));
  const markdownish = pending.filter((text) => !HTML_TAG.test(text));
  if (markdownish.length >= 2) {
    const parts = sanitizeHtml(markdownish.map(markdownishToHtml).join(JOINED), OPTIONS).split(SPLIT);
    // A count that does not match would mean a split inside a description: each is then sanitized alone.
    if (parts.length === markdownish.length) markdownish.forEach((text, i) => cache.set(text, parts[i]!.trim()));
  }
  sanitizeMarkupTogether(pending.filter((text) => HTML_TAG.test(text) && batchable(text)));
}

const WRAPPER = 'sdkgen-description';
const MARKER = '\u0001';
// Tags after which the parser reads text differently (raw text, foreign content), or whose text
// sanitize-html drops up to their end: a description with one is sanitized alone.
const PARSER_STATE_TAGS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript', 'template', 'svg', 'math', 'option', 'object', 'select', WRAPPER]);

function batchable(text: string): boolean {
  if (text.includes(MARKER) || /<[!?]/.test(text)) return false;
  for (const match of text.matchAll(/<\/?([a-z][^\s/>]*)/gi)) if (PARSER_STATE_TAGS.has(match[1]!.toLowerCase())) return false;
  return true;
}

/**
 * Descriptions with markup, in one pass: `<wrapper>text</wrapper>\u0001i\u0001` each. Closing the
 * wrapper closes whatever the description left open, as the end of its own input would; the
 * wrapper itself is not allowed, so it leaves no trace. The markers must come back in order, each
 * once; otherwise (a description that fooled the checks above) each is sanitized alone.
 */
function sanitizeMarkupTogether(texts: string[]): void {
  if (texts.length < 2) return;
  const joined = texts.map((text, i) => `<${WRAPPER}>${text}</${WRAPPER}>${MARKER}${i}${MARKER}`).join('');
  const parts = sanitizeHtml(joined, OPTIONS).split(new RegExp(`${MARKER}(\\d+)${MARKER}`));
  if (parts.length !== texts.length * 2 + 1 || parts[parts.length - 1] !== '') return;
  for (let i = 0; i < texts.length; i++) if (parts[i * 2 + 1] !== String(i)) return;
  texts.forEach((text, i) => cache.set(text, parts[i * 2]!.trim()));
}

/** Plain text of a description, for places that take no markup (an index row, a `title`). */
export function descriptionText(text: string | undefined): string {
  if (!text) return '';
  let plain = textCache.get(text);
  if (plain === undefined) textCache.set(text, (plain = plainText(descriptionHtml(text))));
  return plain;
}

const textCache = new Map<string, string>();

/**
 * The text of sanitize-html's output. That output is well-formed (every `<` of text escaped, tags
 * only from the allow-list, attribute values quoted and escaped) and its only entities are the
 * ones its text escape writes, so dropping the tags and decoding those is exact.
 */
function plainText(html: string): string {
  return html
    .replace(/<\/(p|li)>/g, ' ')
    .replace(/<[^>]*>/g, '')
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
