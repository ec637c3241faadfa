/**
 * `multipart/form-data` bodies for uploads (Stripe's `files.create`). The fields are flattened as
 * stripe-node flattens them (`file_link_data[create]`, `expand[0]`), and the file is sent as the
 * user holds it: a `Blob`/`File`, bytes, a web `ReadableStream`, a Node `Readable`, or stripe-node's
 * `{ data, name, type }`. A stream is passed through chunk by chunk, never gathered in memory.
 */

import type { BlobLike, ReadableStreamLike } from './fetch-types.js';

/** A Node `Readable` (an `fs.createReadStream(...)`): what is read of it is its async iteration. */
export interface NodeReadableLike {
  pipe(...args: never[]): unknown;
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
}

/** What a file's bytes can be given as. A string is sent as its UTF-8 text. */
export type FileContent = string | Uint8Array | BlobLike | ReadableStreamLike | NodeReadableLike;

/** A file with its name and media type, as stripe-node takes it. */
export interface FileData {
  data: FileContent;
  /** Sent as the part's file name; default: a `File`'s own name, else `blob`. */
  name?: string | undefined;
  /** Sent as the part's `Content-Type`; default: a `Blob`'s own type, else `application/octet-stream`. */
  type?: string | undefined;
}

/** A file to upload: `{ data, name, type }`, or its content alone. */
export type FileUpload = FileData | Exclude<FileContent, string>;

// Platform globals, declared locally so the runtime needs no DOM or Node typings.
declare const globalThis: {
  ReadableStream?: new (source: {
    pull(controller: { enqueue(chunk: Uint8Array): void; close(): void; error(reason: unknown): void }): Promise<void>;
    cancel?(reason: unknown): Promise<void> | void;
  }) => ReadableStreamLike;
  Blob?: new (parts: unknown[], options?: { type?: string }) => BlobLike;
  TextEncoder: new () => { encode(text: string): Uint8Array };
};

/** A part's content: text, bytes, a blob, or a source read in chunks. */
type Piece = string | Uint8Array | BlobLike | (() => AsyncIterator<unknown>);

export interface MultipartBody {
  contentType: string;
  /** A new body for each attempt; `undefined` once a one-shot stream has been used. */
  body(): BodyInit | undefined;
  /** Whether a retry can send the body again (false when a file is a stream, which reads once). */
  replayable: boolean;
}

/** What the core hands its transport as a body. */
export type BodyInit = BlobLike | ReadableStreamLike;

const isBlob = (value: object): value is BlobLike => typeof (value as BlobLike).arrayBuffer === 'function' && typeof (value as BlobLike).size === 'number';
const isWebStream = (value: object): value is ReadableStreamLike => typeof (value as ReadableStreamLike).getReader === 'function';
const isNodeStream = (value: object): value is NodeReadableLike =>
  typeof (value as NodeReadableLike).pipe === 'function' && typeof (value as NodeReadableLike)[Symbol.asyncIterator] === 'function';

/** Whether a params value is a file's content (not an object of fields to flatten). */
function isFileContent(value: object): value is Exclude<FileContent, string> {
  return value instanceof Uint8Array || isBlob(value) || isWebStream(value) || isNodeStream(value);
}

function isFileData(value: object): value is FileData {
  // stripe-node's rule: an object with a `data` key is a file.
  return Object.prototype.hasOwnProperty.call(value, 'data') && !Array.isArray(value);
}

// A quoted header parameter, as stripe-node writes it: quotes escaped, line breaks flattened.
const quoted = (text: string) => `"${text.replace(/"/g, '%22').replace(/\r\n|\r|\n/g, ' ')}"`;

/** Builds the multipart body of an upload's params; fields flatten as the form encoding does. */
export function multipartBody(params: object): MultipartBody {
  const boundary = `----sdkgen${randomDigits()}`;
  const pieces: Piece[] = [];
  let replayable = true;
  const field = (name: string, value: unknown): void => {
    if (value === undefined) return;
    if (value instanceof Date) value = Math.floor(value.getTime() / 1000);
    if (value !== null && typeof value === 'object') {
      if (isFileContent(value) || isFileData(value)) return file(name, value);
      for (const key of Object.keys(value)) field(`${name}[${key}]`, (value as Record<string, unknown>)[key]);
      return;
    }
    pieces.push(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value === null ? '' : String(value)}\r\n`);
  };
  const file = (name: string, value: FileData | Exclude<FileContent, string>): void => {
    const data = isFileData(value) ? value.data : value;
    const given: Partial<FileData> = isFileData(value) ? value : {};
    const blob = typeof data === 'object' && isBlob(data) ? data : undefined;
    const fileName = given.name ?? (blob as { name?: string } | undefined)?.name ?? 'blob';
    const type = given.type || blob?.type || 'application/octet-stream';
    pieces.push(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}; filename=${quoted(fileName)}\r\nContent-Type: ${type}\r\n\r\n`);
    if (typeof data === 'string' || data instanceof Uint8Array || blob) pieces.push(data as string | Uint8Array | BlobLike);
    else {
      replayable = false;
      pieces.push(() => chunksOf(data as ReadableStreamLike | NodeReadableLike));
    }
    pieces.push('\r\n');
  };
  for (const key of Object.keys(params)) field(key, (params as Record<string, unknown>)[key]);
  pieces.push(`--${boundary}--\r\n`);
  let used = false;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    replayable,
    body() {
      if (!replayable && used) return undefined;
      used = true;
      return bodyOf(pieces);
    },
  };
}

/**
 * A `Blob` of the pieces when none is a stream (a blob part is not copied, and every `fetch` sends
 * a blob, browsers included); else a `ReadableStream` that reads each piece as it is sent.
 */
function bodyOf(pieces: Piece[]): BodyInit {
  const Blob = globalThis.Blob;
  if (Blob && pieces.every((p) => typeof p !== 'function')) return new Blob(pieces);
  const ReadableStream = globalThis.ReadableStream;
  if (!ReadableStream) throw new TypeError('Uploading a stream needs a global ReadableStream (Node 18+, browsers, edge runtimes)');
  const encoder = new globalThis.TextEncoder();
  let index = 0;
  let current: AsyncIterator<unknown> | undefined;
  return new ReadableStream({
    async pull(controller) {
      for (;;) {
        if (current) {
          const next = await current.next();
          if (!next.done) return controller.enqueue(toBytes(next.value, encoder));
          current = undefined;
          continue;
        }
        const piece = pieces[index++];
        if (piece === undefined) return controller.close();
        if (typeof piece === 'string') return controller.enqueue(encoder.encode(piece));
        if (piece instanceof Uint8Array) return controller.enqueue(piece);
        current = typeof piece === 'function' ? piece() : chunksOf(piece.stream());
      }
    },
    async cancel(reason) {
      await current?.return?.(reason);
    },
  });
}

/** A stream's chunks, read one at a time. */
function chunksOf(stream: ReadableStreamLike | NodeReadableLike): AsyncIterator<unknown> {
  if (isNodeStream(stream)) return stream[Symbol.asyncIterator]();
  const reader = stream.getReader();
  return {
    next: async () => {
      const { done, value } = await reader.read();
      return done ? { done: true, value: undefined } : { done: false, value };
    },
    return: async (reason?: unknown) => {
      await reader.cancel(reason);
      return { done: true, value: undefined };
    },
  };
}

function toBytes(chunk: unknown, encoder: { encode(text: string): Uint8Array }): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return encoder.encode(chunk);
  throw new TypeError('A file stream must yield bytes (Uint8Array or Buffer) or strings');
}

function randomDigits(): string {
  let out = '';
  for (let i = 0; i < 24; i++) out += Math.floor(Math.random() * 10);
  return out;
}
