import { descriptionMarkdown } from '../../text/descriptions.js';
import { jsDocText } from '../../text/escape.js';

/**
 * JSDoc from a spec description: Markdown with absolute links, unable to close the comment. Given to
 * ts-morph as the comment's text (tags on their own lines) rather than as a structure, which it
 * would print through a writer of its own for every comment. A footer is a last paragraph in
 * Markdown already (not converted from HTML), escaped like the rest.
 */
export function docs(description: string | undefined, tags: { tagName: string; text?: string }[] = [], footer = ''): string[] {
  const text = [jsDocText(descriptionMarkdown(description)), jsDocText(footer)].filter((part) => part !== '').join('\n\n');
  if (!text && tags.length === 0) return [];
  const tagLines = tags.map((t) => (t.text ? `@${t.tagName} ${jsDocText(t.text)}` : `@${t.tagName}`));
  return [[text, ...tagLines].filter((line) => line !== '').join('\n')];
}

/** A doc comment as ts-morph prints one from text: on one line when it has one. */
export function jsDocBlock(text: string, indent: string): string {
  if (!text.includes('\n')) return `${indent}/** ${text} */`;
  return [`${indent}/**`, ...text.split('\n').map((line) => (line ? `${indent} * ${line}` : `${indent} *`)), `${indent} */`].join('\n');
}
