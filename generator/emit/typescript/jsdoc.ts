import type { JSDocStructure, OptionalKind } from 'ts-morph';
import { descriptionMarkdown } from '../../text/descriptions.js';
import { jsDocText } from '../../text/escape.js';

/** JSDoc from a spec description: Markdown with absolute links, unable to close the comment. */
export function docs(description: string | undefined, tags: { tagName: string; text?: string }[] = []): OptionalKind<JSDocStructure>[] {
  const text = jsDocText(descriptionMarkdown(description));
  if (!text && tags.length === 0) return [];
  return [{ description: text, tags: tags.map((t) => ({ tagName: t.tagName, text: t.text === undefined ? undefined : jsDocText(t.text) })) }];
}
