import { curlSnippet, typescriptSnippet } from '../../docs/snippets.js';
import type { Operation } from '../../../model/types.js';
import type { TryItOperation, TryItSpec } from './tryit-spec.js';

/**
 * The page's snippets come from the same functions as the Markdown docs (`emit/docs/snippets.ts`),
 * bundled into the page. Those read an operation's method, path, path parameter names, whether it
 * takes params, its flat name, example variable and response kind; this builds just that from the
 * page's spec (a test compares the result with the full model's snippets).
 */
export function snippetOperation(op: TryItOperation): Operation {
  const partial = {
    id: op.id,
    method: op.method,
    path: op.path,
    pathParams: op.pathParams.map((name) => ({ name, identifier: name, description: '' })),
    params: op.paramsIn ? { in: op.paramsIn, required: op.paramsRequired } : undefined,
    names: { flat: op.flat, exampleVariable: op.exampleVariable },
    response: { kind: op.responseKind },
  };
  return partial as unknown as Operation;
}

export interface Snippets {
  typescript: string;
  curl: string;
}

export function liveSnippets(spec: TryItSpec, params: Record<string, unknown>, pathValues: Record<string, string>): Snippets {
  const op = snippetOperation(spec.operation);
  const filled = Object.fromEntries(Object.entries(pathValues).filter(([, v]) => v !== ''));
  return {
    typescript: typescriptSnippet(op, spec.packageName, params, filled),
    curl: curlSnippet(op, spec.serverUrl, params, filled),
  };
}
