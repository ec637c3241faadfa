import { modelDescriptions } from '../model/descriptions.js';
import type { ApiModel } from '../model/types.js';
import { descriptionMarkdown, hasHtmlMarkup } from '../text/descriptions.js';

/**
 * The model's descriptions that need the HTML converter, converted: `[description, markdown]`.
 * Both the source comments and the Markdown docs need them; the thread that prints the sources
 * converts them and hands them to the one that writes the docs, so each is converted once.
 */
export function convertHtmlDescriptions(model: ApiModel): [string, string][] {
  return [...modelDescriptions(model)].filter(hasHtmlMarkup).map((text) => [text, descriptionMarkdown(text)]);
}

/**
 * Every description in a parsed spec that needs the HTML converter. Taken from the document as soon
 * as it is parsed, so the worker converts them while the model is still being built.
 */
export function htmlDescriptionsInSpec(document: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'description' && typeof inner === 'string') {
          if (hasHtmlMarkup(inner)) found.add(inner);
        } else visit(inner);
      }
    }
  };
  visit(document);
  return [...found];
}
