import type { FormField, FormNode } from './tryit-spec.js';

/**
 * The Try-it form's fields, read from the page's parameter reference: each entry of a
 * `ul.params` gives a field's name, the required and deprecated badges, its description
 * and enum values, and in `data-form` its widget (the code `form-spec.ts` writes; absent means
 * text). Nested objects take their fields from the entry's lists of child parameters, read only
 * when the form opens them.
 */
export function referenceFields(list: Element | null | undefined): FormField[] {
  if (!list) return [];
  return Array.from(list.children).filter((child) => child.tagName === 'LI').map(fieldOf);
}

function fieldOf(entry: Element): FormField {
  // A long list is one `<code class="values">`, comma-separated (`param-markup.ts`).
  const values = Array.from(entry.querySelectorAll(':scope > .enum > code')).flatMap((code) =>
    code.classList.contains('values') ? (code.textContent ?? '').split(', ') : [code.textContent ?? ''],
  );
  const groups = Array.from(entry.querySelectorAll(':scope > details')).map((details) => ({
    list: details.querySelector(':scope > ul'),
    type: details.querySelector(':scope > summary > code:nth-of-type(2)')?.textContent ?? undefined,
  }));
  return {
    name: entry.querySelector(':scope > code, :scope > a > code')?.textContent ?? '',
    required: entry.querySelector(':scope > .badge.required') !== null,
    deprecated: entry.querySelector(':scope > .badge.deprecated') !== null,
    descriptionHtml: entry.querySelector(':scope > .param-description')?.innerHTML ?? '',
    // No `data-form`: text, or an enum of the listed values.
    node: parseShape(entry.getAttribute('data-form') ?? (values.length > 0 ? 'e' : 's'), values, groups),
  };
}

/** A range query (`created`): the four bounds Stripe takes, each a number. */
const RANGE: FormField[] = (
  [
    ['gt', 'greater than'],
    ['gte', 'greater than or equal to'],
    ['lt', 'less than'],
    ['lte', 'less than or equal to'],
  ] as const
).map(([name, words]) => ({ name, required: false, deprecated: false, descriptionHtml: `<p>Matches values ${words} this one.</p>`, node: { kind: 'number' } }));

/** Reads a `data-form` code; anything it does not know becomes a text input. */
export function parseShape(code: string, values: string[], groups: { list: Element | null; type?: string }[]): FormNode {
  let at = 0;
  let nextValue = 0;
  const count = (): number | undefined => {
    const digits = /^\d+/.exec(code.slice(at))?.[0];
    if (digits === undefined) return undefined;
    at += digits.length;
    return Number(digits);
  };
  const node = (): FormNode => {
    switch (code[at++]) {
      case 'n':
        return { kind: 'number' };
      case 'b':
        return { kind: 'boolean' };
      case 'm':
        return { kind: 'map' };
      case 'r':
        return { kind: 'object', fields: () => RANGE, range: true };
      case 'e': {
        const taken = values.slice(nextValue, nextValue + (count() ?? values.length));
        nextValue += taken.length;
        return { kind: 'enum', values: taken };
      }
      case 'o': {
        const group = groups[count() ?? -1];
        let fields: FormField[] | undefined;
        return { kind: 'object', fields: () => (fields ??= referenceFields(group?.list)), type: group?.type };
      }
      case 'a':
        return { kind: 'array', items: node() };
      case '?':
        return { kind: 'emptyable', inner: node() };
      case '(': {
        const variants = [node()];
        while (code[at] === '|') {
          at++;
          variants.push(node());
        }
        at++;
        return { kind: 'choice', variants: variants.map((variant) => ({ label: variantLabel(variant), node: variant })) };
      }
      default:
        return { kind: 'text' };
    }
  };
  return node();
}

function variantLabel(node: FormNode): string {
  switch (node.kind) {
    case 'enum':
      return node.values.length === 1 ? node.values[0]! : 'one of the listed values';
    case 'object':
      return node.range ? 'a range' : node.type ? `an object (${node.type})` : 'an object';
    case 'array':
      return 'a list';
    case 'map':
      return 'keys and values';
    case 'emptyable':
      return variantLabel(node.inner);
    case 'choice':
      return 'one of several shapes';
    default:
      return node.kind === 'text' ? 'text' : `a ${node.kind}`;
  }
}
