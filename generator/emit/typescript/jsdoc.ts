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

/** The column past which generated lines are wrapped. */
export const MAX_LINE = 120;

/**
 * A doc comment as ts-morph prints one from text: on one line when it fits, else its lines wrapped
 * to end by column 120, `column` being where the comment starts once the printer has indented it.
 */
export function jsDocBlock(text: string, indent: string, column = indent.length): string {
  if (!text.includes('\n') && column + text.length + 7 <= MAX_LINE) return `${indent}/** ${text} */`;
  const lines = wrapMarkdown(text, Math.max(40, MAX_LINE - column - 3));
  return [`${indent}/**`, ...lines.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)), `${indent} */`].join('\n');
}

/**
 * Markdown lines broken between words to fit `width`. Fenced code and table rows are left whole, a
 * list item's continuation lines are indented under its text, and a word longer than the width (a
 * URL) keeps a line of its own.
 */
export function wrapMarkdown(text: string, width: number): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || line.length <= width || /^\s*[|#]/.test(line) || /^\s*```/.test(line)) {
      out.push(line);
      continue;
    }
    const lead = /^(\s*(?:[-*+]|\d+[.)])\s+|\s*>\s?|\s*)/.exec(line)![0];
    const hang = lead.startsWith('>') || lead.trimStart().startsWith('>') ? lead : ' '.repeat(lead.length);
    let current = lead;
    for (const word of line.slice(lead.length).split(/ +/)) {
      // The length first: most words fit, and then the line's content need not be looked at.
      if (current.length + 1 + word.length > width && current !== lead && current.trim() !== '') {
        out.push(current.trimEnd());
        current = hang + word;
      } else {
        current += current === lead || current === hang ? word : ` ${word}`;
      }
    }
    out.push(current.trimEnd());
  }
  return out;
}
