import { html } from '../../text/escape.js';
import { descriptionHtml } from './description-html.js';
import type { ParamEntry } from './param-reference.js';

/**
 * A parameter reference as HTML: a `<ul class="params">` of entries, nested ones folded in
 * `<details>`. Printed here rather than by a recursive partial: the largest pages have hundreds of
 * entries, and a template call per entry, badge and enum value was most of the docs' render time.
 * The markup is kept lean (the page weight budget is 100 KB): no wrapper elements, class names only
 * where the stylesheet or the page script needs them, and the entry's name is made a link to its
 * own anchor by the page script (`browser/reference-links.ts`) rather than by writing the anchor
 * twice. Entries of request fields carry `data-form`, the Try-it widget the page script builds
 * from the entry (`browser/reference-form.ts`).
 */
export function paramList(entries: ParamEntry[], id?: string): string {
  const parts: string[] = [id ? `<ul class="params" id="${id}">\n` : '<ul class="params">\n'];
  for (const entry of entries) printEntry(entry, parts);
  parts.push('</ul>');
  return parts.join('');
}

const REQUIRED = ' <span class="badge required">required</span>';
const EXPANDABLE = ' <span class="badge expandable">expandable</span>';
const DEPRECATED = ' <span class="badge deprecated">deprecated</span>';

function printEntry(entry: ParamEntry, parts: string[]): void {
  const anchor = html(entry.anchor);
  // Left out where the page script guesses it: text, or an enum of the values the entry lists.
  const guessed = entry.enumValues.length > 0 ? `e${entry.enumValues.length}` : 's';
  const form = entry.form && entry.form !== guessed ? ` data-form="${html(entry.form)}"` : '';
  parts.push(`<li id="${anchor}"${form}><code>${html(entry.name)}</code> <small>${html(entry.type)}</small>`);
  if (entry.required) parts.push(REQUIRED);
  if (entry.expandable) parts.push(EXPANDABLE);
  if (entry.deprecated) parts.push(DEPRECATED);
  const description = descriptionHtml(entry.description);
  if (description) parts.push(`<div class="param-description">${description}</div>`);
  if (entry.enumValues.length > 0) parts.push(`<p class="enum">Possible values: ${enumValues(entry.enumValues)}.</p>`);
  const name = html(entry.name);
  for (const group of entry.groups) {
    if (group.children.length === 0) continue;
    const as = group.as ? ` as <code>${html(group.as)}</code>` : '';
    parts.push(`<details><summary>Child parameters of <code>${name}</code>${as} (${group.children.length})</summary><ul>\n`);
    for (const child of group.children) printEntry(child, parts);
    parts.push('</ul></details>');
  }
  parts.push('</li>\n');
}

/** Lists this long show as one `<code class="values">`, comma-separated: `expand` lists a hundred paths. */
const JOINED_FROM = 10;

/**
 * The values, each in `<code>`; a long list in one `<code class="values">` instead, which the page
 * script splits at ", " (so a list holding a value with ", " in it is never joined).
 */
function enumValues(values: string[]): string {
  if (values.length >= JOINED_FROM && !values.some((v) => v.includes(', '))) return `<code class="values">${values.map(html).join(', ')}</code>`;
  return `<code>${values.map(html).join('</code>, <code>')}</code>`;
}
