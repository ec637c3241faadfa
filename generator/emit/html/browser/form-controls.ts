import { descriptionBlock, el, uid } from './dom.js';
import type { FormField, FormNode } from './tryit-spec.js';

/**
 * The Try-it form, built from the fields the page's parameter reference lists (`reference-form.ts`). Every control knows its value: `undefined` when
 * the user left it empty (the field is not sent), otherwise what goes into the params object.
 */
export interface Control {
  element: HTMLElement;
  value(): unknown;
  /** Puts a value back (a stored one, or `undefined` to clear): the inverse of `value()`. */
  set(value: unknown): void;
  /** The `<code>` holding the field's name in its label, renamed when an array item moves. */
  nameCode: HTMLElement;
}

/** How a control introduces itself: field name, form path, description, required marker. */
export interface Head {
  name: string;
  wire: string;
  descriptionHtml: string;
  required: boolean;
  deprecated: boolean;
}

export function fieldControl(field: FormField, parentWire: string | undefined): Control {
  const wire = parentWire === undefined ? field.name : `${parentWire}[${field.name}]`;
  return nodeControl(field.node, { name: field.name, wire, descriptionHtml: field.descriptionHtml, required: field.required, deprecated: field.deprecated });
}

export function nodeControl(node: FormNode, head: Head): Control {
  switch (node.kind) {
    case 'text':
      return inputControl(head, 'text');
    case 'number':
      return inputControl(head, 'number');
    case 'boolean':
      return selectControl(head, [true, false]);
    case 'enum':
      return selectControl(head, node.values);
    case 'array':
      return arrayControl(head, node.items);
    case 'map':
      return mapControl(head);
    case 'object':
      return objectControl(head, node.fields);
    case 'choice':
      return choiceControl(head, node.variants);
    case 'emptyable':
      return emptyableControl(head, node.inner);
  }
}

/** `name` in code, then the required and deprecated markers. */
function labelContent(head: Head): { parts: Node[]; nameCode: HTMLElement } {
  const nameCode = el('code', {}, [head.name]);
  const parts: Node[] = [nameCode];
  if (head.required) parts.push(document.createTextNode(' '), el('span', { class: 'badge required' }, ['required']));
  if (head.deprecated) parts.push(document.createTextNode(' '), el('span', { class: 'badge deprecated' }, ['deprecated']));
  return { parts, nameCode };
}

/** A single input with a `<label for>` and the description as its accessible description. */
function leaf(head: Head, input: HTMLInputElement | HTMLSelectElement): { element: HTMLElement; nameCode: HTMLElement } {
  const id = uid();
  const descriptionId = `${id}-description`;
  const description = descriptionBlock(head.descriptionHtml, descriptionId);
  input.id = id;
  if (description) input.setAttribute('aria-describedby', descriptionId);
  if (head.required) input.setAttribute('aria-required', 'true');
  const { parts, nameCode } = labelContent(head);
  const element = el('div', { class: 'field', 'data-field': head.wire }, [el('label', { for: id }, parts), description, input]);
  return { element, nameCode };
}

/** A group of inputs: a fieldset whose legend is the field name. */
function group(head: Head, body: Node[]): { element: HTMLFieldSetElement; nameCode: HTMLElement } {
  const descriptionId = uid('d');
  const description = descriptionBlock(head.descriptionHtml, descriptionId);
  const { parts, nameCode } = labelContent(head);
  const element = el('fieldset', { class: 'group', 'data-field': head.wire, 'aria-describedby': description ? descriptionId : undefined }, [
    el('legend', {}, parts),
    description,
    ...body,
  ]);
  return { element, nameCode };
}

function inputControl(head: Head, type: 'text' | 'number'): Control {
  const input = el('input', { type, autocomplete: 'off', spellcheck: 'false', step: type === 'number' ? 'any' : undefined });
  const { element, nameCode } = leaf(head, input);
  return {
    element,
    nameCode,
    value() {
      if (input.value === '') return undefined;
      if (type === 'number') {
        const number = Number(input.value);
        return Number.isFinite(number) ? number : input.value;
      }
      return input.value;
    },
    set(value) {
      input.value = value === undefined || value === null || typeof value === 'object' ? '' : String(value);
    },
  };
}

/** Enums and booleans: a select whose first option leaves the field out. */
function selectControl(head: Head, values: readonly (string | boolean)[]): Control {
  const select = el('select', {}, [
    el('option', { value: '' }, ['(not set)']),
    ...values.map((value, index) => el('option', { value: String(index) }, [String(value)])),
  ]);
  const { element, nameCode } = leaf(head, select);
  return {
    element,
    nameCode,
    value: () => (select.value === '' ? undefined : values[Number(select.value)]),
    set(value) {
      const index = values.indexOf(value as string | boolean);
      select.value = index < 0 ? '' : String(index);
    },
  };
}

/** Nested fields, folded in a `<details>` and built the first time it opens (Stripe's params nest deep). */
function objectControl(head: Head, fieldsOf: () => FormField[]): Control {
  const fields = fieldsOf();
  const children: Control[] = [];
  const inner = el('div', { class: 'group-fields' });
  const details = el('details', { open: head.required }, [el('summary', {}, ['Fields of ', el('code', {}, [head.name]), ` (${fields.length})`]), inner]);
  const build = () => {
    if (children.length > 0 || fields.length === 0) return;
    for (const field of fields) {
      const control = fieldControl(field, head.wire);
      children.push(control);
      inner.append(control.element);
    }
  };
  details.addEventListener('toggle', () => details.open && build());
  if (head.required) build();
  const { element, nameCode } = group(head, [details]);
  return {
    element,
    nameCode,
    value() {
      const out: Record<string, unknown> = {};
      children.forEach((control, index) => {
        const value = control.value();
        if (value !== undefined) out[fields[index]!.name] = value;
      });
      return Object.keys(out).length > 0 ? out : undefined;
    },
    set(value) {
      const object = isRecord(value) ? value : {};
      if (Object.keys(object).length > 0) {
        details.open = true;
        build();
      }
      children.forEach((control, index) => control.set(object[fields[index]!.name]));
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list with Add and Remove; items are named `field[0]`, `field[1]`, ... as they are sent. */
function arrayControl(head: Head, items: FormNode): Control {
  const list = el('ol', { class: 'items' });
  const entries: { control: Control; row: HTMLLIElement }[] = [];
  const add = el('button', { type: 'button', class: 'add' }, ['Add an item to ', el('code', {}, [head.name])]);
  const renumber = () =>
    entries.forEach(({ control, row }, index) => {
      control.nameCode.textContent = `${head.name}[${index}]`;
      row.querySelector('button.remove')?.setAttribute('aria-label', `Remove ${head.name}[${index}]`);
    });
  const addItem = (focus: boolean): Control => {
    const index = entries.length;
    const itemHead: Head = { name: `${head.name}[${index}]`, wire: `${head.wire}[${index}]`, descriptionHtml: '', required: false, deprecated: false };
    const control = nodeControl(items, itemHead);
    const remove = el('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${itemHead.name}` }, ['Remove']);
    const row = el('li', {}, [control.element, remove]);
    const entry = { control, row };
    remove.addEventListener('click', () => {
      entries.splice(entries.indexOf(entry), 1);
      row.remove();
      renumber();
      add.focus();
      list.dispatchEvent(new Event('input', { bubbles: true }));
    });
    entries.push(entry);
    list.append(row);
    if (focus) {
      control.element.querySelector<HTMLElement>('input, select, summary, button')?.focus();
      list.dispatchEvent(new Event('input', { bubbles: true }));
    }
    return control;
  };
  add.addEventListener('click', () => addItem(true));
  const { element, nameCode } = group(head, [list, add]);
  return {
    element,
    nameCode,
    value() {
      const values = entries.map(({ control }) => control.value()).filter((v) => v !== undefined);
      return values.length > 0 ? values : undefined;
    },
    set(value) {
      for (const { row } of entries.splice(0)) row.remove();
      if (Array.isArray(value)) for (const item of value) addItem(false).set(item);
    },
  };
}

/** A key/value editor (metadata): rows of key and value; an empty value unsets that key. */
function mapControl(head: Head): Control {
  const rows = el('div', { class: 'map-rows' });
  const entries: { key: HTMLInputElement; value: HTMLInputElement; row: HTMLElement; remove: HTMLButtonElement }[] = [];
  const add = el('button', { type: 'button', class: 'add' }, ['Add a key to ', el('code', {}, [head.name])]);
  const renumber = () =>
    entries.forEach(({ row, remove }, index) => {
      row.setAttribute('aria-label', `${head.name} entry ${index + 1}`);
      remove.setAttribute('aria-label', `Remove ${head.name} entry ${index + 1}`);
    });
  const addRow = (initial?: [string, string]) => {
    const keyId = uid();
    const valueId = uid();
    const key = el('input', { type: 'text', id: keyId, autocomplete: 'off', spellcheck: 'false', 'data-role': 'key' });
    const value = el('input', { type: 'text', id: valueId, autocomplete: 'off', spellcheck: 'false', 'data-role': 'value' });
    const remove = el('button', { type: 'button', class: 'remove' }, ['Remove']);
    const row = el('div', { class: 'map-row', role: 'group' }, [
      el('div', { class: 'field' }, [el('label', { for: keyId }, ['Key']), key]),
      el('div', { class: 'field' }, [el('label', { for: valueId }, ['Value']), value]),
      remove,
    ]);
    const entry = { key, value, row, remove };
    remove.addEventListener('click', () => {
      entries.splice(entries.indexOf(entry), 1);
      row.remove();
      renumber();
      add.focus();
      rows.dispatchEvent(new Event('input', { bubbles: true }));
    });
    entries.push(entry);
    renumber();
    rows.append(row);
    if (initial) [key.value, value.value] = initial;
    else key.focus();
  };
  add.addEventListener('click', () => addRow());
  const { element, nameCode } = group(head, [rows, add]);
  return {
    element,
    nameCode,
    value() {
      const out: Record<string, string> = {};
      for (const { key, value } of entries) if (key.value !== '') out[key.value] = value.value;
      return Object.keys(out).length > 0 ? out : undefined;
    },
    set(value) {
      for (const { row } of entries.splice(0)) row.remove();
      if (isRecord(value)) for (const [k, v] of Object.entries(value)) addRow([k, String(v)]);
    },
  };
}

/** A union of shapes: pick one, then fill it in. */
function choiceControl(head: Head, variants: { label: string; node: FormNode }[]): Control {
  const selectId = uid();
  const select = el('select', { id: selectId }, variants.map((v, index) => el('option', { value: String(index) }, [v.label])));
  const slot = el('div', { class: 'choice-slot' });
  let current: Control;
  const show = () => {
    const variant = variants[Number(select.value)]!;
    current = nodeControl(variant.node, { ...head, descriptionHtml: '', required: false, deprecated: false });
    slot.replaceChildren(current.element);
  };
  select.addEventListener('change', show);
  show();
  const { element, nameCode } = group(head, [
    el('div', { class: 'field' }, [el('label', { for: selectId }, ['Shape of ', el('code', {}, [head.name])]), select]),
    slot,
  ]);
  return {
    element,
    nameCode,
    value: () => current.value(),
    set(value) {
      const index = value === undefined ? 0 : variants.findIndex((v) => fits(v.node, value));
      select.value = String(Math.max(0, index));
      show();
      current.set(value);
    },
  };
}

/** Whether a stored value has the shape of a variant: picks the variant to show it in. */
function fits(node: FormNode, value: unknown): boolean {
  switch (node.kind) {
    case 'enum':
      return node.values.includes(value as string);
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'map':
      return isRecord(value);
    case 'object':
      return isRecord(value) && Object.keys(value).every((key) => node.fields().some((f) => f.name === key));
    case 'emptyable':
      return value === '' || fits(node.inner, value);
    case 'choice':
      return node.variants.some((v) => fits(v.node, value));
  }
}

/** `anyOf [X, enum [""]]`: X, or a ticked "unset" box that sends an empty string. */
function emptyableControl(head: Head, inner: FormNode): Control {
  const control = nodeControl(inner, head);
  const id = uid();
  const unset = el('input', { type: 'checkbox', id, 'data-role': 'unset' });
  const row = el('div', { class: 'field check unset' }, [
    unset,
    el('label', { for: id }, ['Send an empty string to unset ', el('code', {}, [head.name])]),
  ]);
  const disable = () => {
    if (control.element instanceof HTMLFieldSetElement) control.element.disabled = unset.checked;
    else control.element.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select').forEach((input) => (input.disabled = unset.checked));
  };
  unset.addEventListener('change', disable);
  const element = el('div', { class: 'emptyable' }, [control.element, row]);
  return {
    element,
    nameCode: control.nameCode,
    value: () => (unset.checked ? '' : control.value()),
    set(value) {
      unset.checked = value === '';
      disable();
      control.set(value === '' ? undefined : value);
    },
  };
}
