/**
 * The result of an operation whose response is not JSON (a quote's PDF): its bytes, never parsed,
 * in the shape of a `fetch` `Response`, so it can be saved, streamed on, or handed to a `Response`.
 */

import type { LastResponse } from './core.js';
import type { BlobLike, ReadableStreamLike } from './fetch-types.js';

/** A downloaded file. The body has been received whole (within the request's timeout and retries). */
export interface BinaryResponse {
  /** The response's `Content-Type`, such as `application/pdf`. */
  readonly contentType: string;
  /** Lower-case header names. */
  readonly headers: Record<string, string>;
  /** The response's status and Stripe's headers, as on every returned object. */
  readonly lastResponse: LastResponse;
  /** The bytes as a web `ReadableStream`, for piping on (`Readable.fromWeb(result.body)` on Node). */
  readonly body: ReadableStreamLike;
  arrayBuffer(): Promise<ArrayBuffer>;
  /** Needs a global `Blob` (Node 18+, browsers, edge runtimes). */
  blob(): Promise<BlobLike>;
  /** The bytes decoded as UTF-8. */
  text(): Promise<string>;
}

declare const globalThis: {
  Blob?: new (parts: unknown[], options?: { type?: string }) => BlobLike;
  ReadableStream?: new (source: { start(controller: { enqueue(chunk: Uint8Array): void; close(): void }): void }) => ReadableStreamLike;
  TextDecoder: new () => { decode(bytes: Uint8Array): string };
};

export function binaryResponse(bytes: ArrayBuffer, meta: LastResponse): BinaryResponse {
  const { headers } = meta;
  const contentType = headers['content-type'] ?? 'application/octet-stream';
  return {
    contentType,
    headers,
    lastResponse: meta,
    get body() {
      const ReadableStream = globalThis.ReadableStream;
      if (!ReadableStream) throw new TypeError('No global ReadableStream on this platform: use arrayBuffer()');
      return new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(bytes.slice(0)));
          controller.close();
        },
      });
    },
    arrayBuffer: async () => bytes.slice(0),
    blob: async () => {
      const Blob = globalThis.Blob;
      if (!Blob) throw new TypeError('No global Blob on this platform: use arrayBuffer()');
      return new Blob([bytes], { type: contentType });
    },
    text: async () => new globalThis.TextDecoder().decode(new Uint8Array(bytes)),
  };
}
