/** Small DOM helpers for the page scripts. Text always goes in through `textContent`. */

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

let counter = 0;

/** A fresh element id: `f1`, `f2`, ... (unique within the page). */
export function uid(prefix = 'f'): string {
  counter += 1;
  return `${prefix}${counter}`;
}

/**
 * A field description: HTML that sanitize-html already cleaned when the page was generated (only
 * text, paragraphs, code and http(s) links survive), so it is parsed, not re-escaped.
 */
export function descriptionBlock(html: string, id: string): HTMLElement | null {
  if (!html) return null;
  const block = el('div', { class: 'field-description', id });
  block.innerHTML = html;
  return block;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}
