import type { ServerResponse } from 'node:http';

/** An error in Stripe's shape: `{ "error": { "type", "code", "param", "message" } }`. */
export interface StripeError {
  type: 'invalid_request_error' | 'api_error' | 'authentication_error' | 'rate_limit_error';
  code?: string;
  param?: string;
  message: string;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = `${JSON.stringify(body, null, 2)}\n`;
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, error: StripeError, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error }, headers);
}
