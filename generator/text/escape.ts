/** Escapes for each place spec text can land. Spec text is untrusted: it is never pasted raw. */

/** A TypeScript/JavaScript single-quoted string literal. */
export function tsString(value: string): string {
  return `'${value.replace(/[\\'\n\r\u2028\u2029\t\0]/g, (c) => CHAR_ESCAPES[c] ?? c)}'`;
}

const CHAR_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
  '\t': '\\t',
  '\0': '\\0',
};

/**
 * Text inside a `/** ... *\/` comment: it must not close the comment early, and a line of it that
 * starts with `@` must not read as a tag (`@deprecated`, `@internal` strip or flag the declaration).
 */
export function jsDocText(text: string): string {
  // Each pass only when its character is there: the whole API has some 30,000 documented members.
  let safe = text;
  if (safe.includes('*/')) safe = safe.replace(/\*\//g, '*\\/');
  if (safe.includes('\r')) safe = safe.replace(/\r\n?/g, '\n');
  if (safe.includes('@')) safe = safe.replace(/^(\s*)@/gm, '$1\\@');
  return safe.trim();
}

/**
 * Text in HTML element content only (never an attribute): there only `&` and `<` start markup, and
 * `>` is escaped too for readers. Lighter than `html` on quote-dense text such as a JSON example.
 */
export function htmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Text in HTML element content or a double-quoted attribute. */
export function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Text inside a Markdown table cell: no pipes or newlines may break the row. */
export function markdownCell(text: string): string {
  // Each pass only when its character is there: a whole-API run puts some 3 MB of text in cells, and
  // looking for one character is far quicker than a regular expression's scan.
  let cell = text;
  if (cell.includes('\\')) cell = cell.replace(/\\/g, '\\\\');
  if (cell.includes('|')) cell = cell.replace(/\|/g, '\\|');
  if (cell.includes('\n')) cell = cell.replace(/\r?\n+/g, ' ');
  return cell.trim();
}

/**
 * Untrusted plain text in Markdown (a heading, a table cell, a link label): shown as written, never
 * read as a link, code span or HTML (no code span can form, so the character references always render).
 */
export function markdownText(text: string): string {
  return markdownCell(text)
    .replace(/[[\]`*_#~!]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Inline code in Markdown, with a fence longer than any backtick run inside. */
export function markdownCode(text: string): string {
  // Most text holds no backtick: one backtick fences it.
  if (!text.includes('`')) return `\`${text}\``;
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
