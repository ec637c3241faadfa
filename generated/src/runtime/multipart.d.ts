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
export interface MultipartBody {
    contentType: string;
    /** A new body for each attempt; `undefined` once a one-shot stream has been used. */
    body(): BodyInit | undefined;
    /** Whether a retry can send the body again (false when a file is a stream, which reads once). */
    replayable: boolean;
}
/** What the core hands its transport as a body. */
export type BodyInit = BlobLike | ReadableStreamLike;
/** Builds the multipart body of an upload's params; fields flatten as the form encoding does. */
export declare function multipartBody(params: object): MultipartBody;
