/**
 * The slice of the Fetch API the client uses, declared here so that a consumer of the package
 * needs neither the DOM library nor @types/node to type-check against it. The global `fetch` of
 * browsers, Node 18+, Deno, Bun and edge runtimes all satisfy `FetchLike`.
 */

/** What the client needs from an `AbortSignal`; a real `AbortSignal` satisfies it. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

// The platform's own AbortSignal type when the consumer has one in scope (DOM or @types/node), so
// that the platform `fetch`, whose `init.signal` is that type, is assignable to `FetchLike`.
type PlatformSignal = typeof globalThis extends { AbortSignal: { prototype: infer S } } ? S : AbortSignalLike;

/** What the client reads of a web `ReadableStream` of bytes; a real one satisfies it. */
export interface ReadableStreamLike {
  getReader(): {
    read(): Promise<{ done?: boolean | undefined; value?: unknown }>;
    cancel(reason?: unknown): Promise<void>;
    releaseLock(): void;
  };
}

/** What the client reads of a `Blob` or `File`; a real one (browser or Node) satisfies it. */
export interface BlobLike {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
  stream(): ReadableStreamLike;
}

// Likewise the platform's Blob and ReadableStream, which a platform `fetch` takes as a body.
type PlatformBlob = typeof globalThis extends { Blob: { prototype: infer B } } ? B : BlobLike;
type PlatformStream = typeof globalThis extends { ReadableStream: { prototype: infer S } } ? S : ReadableStreamLike;

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  /** Form-encoded text; for an upload, a `Blob` or a `ReadableStream` of its multipart body. */
  body?: string | PlatformBlob | PlatformStream;
  /** `'half'` with a stream body, as `fetch` requires to send one. */
  duplex?: 'half';
  signal?: PlatformSignal;
  /**
   * A deadline in ms for the whole exchange, passed only to a transport that says it enforces one
   * (`enforcesTimeout`); past it the transport rejects with an error named `TimeoutError`.
   */
  timeout?: number;
}

export interface HeadersLike {
  get(name: string): string | null;
  forEach(callback: (value: string, name: string) => void): void;
}

export interface ResponseLike {
  readonly status: number;
  readonly headers: HeadersLike;
  text(): Promise<string>;
  /** Read instead of `text()` for an operation whose response is not JSON (a PDF); every `fetch` has it. */
  arrayBuffer?(): Promise<ArrayBuffer>;
}

export type FetchLike = ((url: string, init: FetchInit) => Promise<ResponseLike>) & {
  /** Set by transports that enforce `init.timeout` themselves, sparing an AbortController per attempt. */
  readonly enforcesTimeout?: boolean;
};
