import { encodeForm, encodeQuery } from '../../../runtime/encode.js';
import { byId, el } from './dom.js';
import type { TryItOperation } from './tryit-spec.js';

export interface Outgoing {
  url: string;
  init: RequestInit;
}

/**
 * The request the page sends through the gateway: the same path and the same form encoding as the
 * generated client (the encoder is the client's own, bundled into the page).
 */
export function buildRequest(op: TryItOperation, gatewayUrl: string, params: Record<string, unknown>, pathValues: Record<string, string>, accessKey: string): Outgoing {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name] ?? ''));
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (accessKey) headers['X-Gateway-Key'] = accessKey;
  let url = `${gatewayUrl}${path}`;
  let body: string | undefined;
  if (op.paramsIn === 'query') {
    const query = encodeQuery(params);
    if (query) url += `?${query}`;
  } else if (op.method !== 'GET' && op.method !== 'DELETE') {
    body = encodeForm(params);
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  return {
    url,
    init: { method: op.method, headers, body, credentials: 'omit', redirect: 'error', cache: 'no-store', referrerPolicy: 'no-referrer', mode: 'cors' },
  };
}

interface StripeError {
  type?: unknown;
  code?: unknown;
  param?: unknown;
  message?: unknown;
}

/** Sends, then fills the response panel: status, request id, error (Stripe's shape) and pretty JSON. */
export async function sendAndShow(outgoing: Outgoing): Promise<void> {
  const summary = byId('response-summary');
  summary.textContent = 'Sending…';
  let status = '';
  let requestId = '';
  let text = '';
  let ok = false;
  try {
    const response = await fetch(outgoing.url, outgoing.init);
    status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    requestId = response.headers.get('Request-Id') ?? '';
    text = await response.text();
    ok = response.ok;
  } catch (error) {
    status = 'no response';
    text = JSON.stringify({
      error: {
        type: 'api_connection_error',
        message: `Could not reach the gateway (${(error as Error).message}). Is sdkgen gateway running, and does it allow this page's origin? A page opened from disk sends "Origin: null" (start the gateway with --allow-origin null).`,
      },
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  summary.textContent = ok ? 'The request succeeded.' : 'The request failed.';
  summary.className = ok ? 'status-ok' : 'status-error';
  byId('response-facts').hidden = false;
  byId('response-status').textContent = status;
  byId('response-request-id').textContent = requestId || '(none)';
  const body = byId('response-body');
  body.hidden = false;
  body.textContent = parsed === undefined ? text : JSON.stringify(parsed, null, 2);
  showError(ok ? undefined : ((parsed as { error?: StripeError } | undefined)?.error ?? { message: text || status }));
}

function showError(error: StripeError | undefined): void {
  const box = byId('response-error');
  box.hidden = !error;
  if (!error) return box.replaceChildren();
  const rows: [string, unknown][] = [
    ['Type', error.type],
    ['Code', error.code],
    ['Param', error.param],
    ['Message', error.message],
  ];
  box.replaceChildren(
    el('dl', {}, rows.filter(([, v]) => v !== undefined && v !== null && v !== '').flatMap(([k, v]) => [el('dt', {}, [k]), el('dd', { 'data-error': k.toLowerCase() }, [String(v)])])),
  );
}
