/**
 * The Try-it form's values, kept per operation in localStorage (`sdkgen.form.<operationId>`), so a
 * reload or a later visit finds them again. Only what the form sends is kept: never the gateway
 * access key, which credentials.ts keeps apart.
 */
export interface StoredForm {
  params: Record<string, unknown>;
  path: Record<string, string>;
}

const key = (operationId: string) => `sdkgen.form.${operationId}`;

export function loadForm(operationId: string): StoredForm | undefined {
  try {
    const text = localStorage.getItem(key(operationId));
    if (!text) return undefined;
    const stored = JSON.parse(text) as Partial<StoredForm>;
    return { params: isRecord(stored.params) ? stored.params : {}, path: isRecord(stored.path) ? (stored.path as Record<string, string>) : {} };
  } catch {
    // Storage switched off, refused, or holding something else: start empty.
    return undefined;
  }
}

export function saveForm(operationId: string, form: StoredForm): void {
  try {
    if (Object.keys(form.params).length === 0 && Object.values(form.path).every((v) => v === '')) localStorage.removeItem(key(operationId));
    else localStorage.setItem(key(operationId), JSON.stringify(form));
  } catch {
    // Nothing to do: the form still works, it just will not be remembered.
  }
}

export function forgetForm(operationId: string): void {
  try {
    localStorage.removeItem(key(operationId));
  } catch {
    // As above.
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
