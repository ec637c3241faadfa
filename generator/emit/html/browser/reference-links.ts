import { el } from './dom.js';

/**
 * Makes each reference entry's name a link to the entry itself (`#param-options.document`), to copy
 * or share. The page writes each anchor once, as the entry's id; the link is added here, so the
 * largest pages do not carry hundreds of anchors twice. Without script the ids still work.
 */
export function linkReferenceNames(): void {
  for (const entry of Array.from(document.querySelectorAll<HTMLElement>('ul.params li[id]'))) {
    const name = entry.querySelector(':scope > code');
    if (!name) continue;
    const link = el('a', { href: `#${entry.id}`, class: 'param-name' });
    name.replaceWith(link);
    link.append(name);
  }
}
