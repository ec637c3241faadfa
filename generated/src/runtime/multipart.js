/**
 * `multipart/form-data` bodies for uploads (Stripe's `files.create`). The fields are flattened as
 * stripe-node flattens them (`file_link_data[create]`, `expand[0]`), and the file is sent as the
 * user holds it: a `Blob`/`File`, bytes, a web `ReadableStream`, a Node `Readable`, or stripe-node's
 * `{ data, name, type }`. A stream is passed through chunk by chunk, never gathered in memory.
 */
const isBlob = (value) => typeof value.arrayBuffer === 'function' && typeof value.size === 'number';
const isWebStream = (value) => typeof value.getReader === 'function';
const isNodeStream = (value) => typeof value.pipe === 'function' && typeof value[Symbol.asyncIterator] === 'function';
/** Whether a params value is a file's content (not an object of fields to flatten). */
function isFileContent(value) {
    return value instanceof Uint8Array || isBlob(value) || isWebStream(value) || isNodeStream(value);
}
function isFileData(value) {
    // stripe-node's rule: an object with a `data` key is a file.
    return Object.prototype.hasOwnProperty.call(value, 'data') && !Array.isArray(value);
}
// A quoted header parameter, as stripe-node writes it: quotes escaped, line breaks flattened.
const quoted = (text) => `"${text.replace(/"/g, '%22').replace(/\r\n|\r|\n/g, ' ')}"`;
/** Builds the multipart body of an upload's params; fields flatten as the form encoding does. */
export function multipartBody(params) {
    const boundary = `----sdkgen${randomDigits()}`;
    const pieces = [];
    let replayable = true;
    const field = (name, value) => {
        if (value === undefined)
            return;
        if (value instanceof Date)
            value = Math.floor(value.getTime() / 1000);
        if (value !== null && typeof value === 'object') {
            if (isFileContent(value) || isFileData(value))
                return file(name, value);
            for (const key of Object.keys(value))
                field(`${name}[${key}]`, value[key]);
            return;
        }
        pieces.push(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value === null ? '' : String(value)}\r\n`);
    };
    const file = (name, value) => {
        const data = isFileData(value) ? value.data : value;
        const given = isFileData(value) ? value : {};
        const blob = typeof data === 'object' && isBlob(data) ? data : undefined;
        const fileName = given.name ?? blob?.name ?? 'blob';
        const type = given.type || blob?.type || 'application/octet-stream';
        pieces.push(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}; filename=${quoted(fileName)}\r\nContent-Type: ${type}\r\n\r\n`);
        if (typeof data === 'string' || data instanceof Uint8Array || blob)
            pieces.push(data);
        else {
            replayable = false;
            pieces.push(() => chunksOf(data));
        }
        pieces.push('\r\n');
    };
    for (const key of Object.keys(params))
        field(key, params[key]);
    pieces.push(`--${boundary}--\r\n`);
    let used = false;
    return {
        contentType: `multipart/form-data; boundary=${boundary}`,
        replayable,
        body() {
            if (!replayable && used)
                return undefined;
            used = true;
            return bodyOf(pieces);
        },
    };
}
/**
 * A `Blob` of the pieces when none is a stream (a blob part is not copied, and every `fetch` sends
 * a blob, browsers included); else a `ReadableStream` that reads each piece as it is sent.
 */
function bodyOf(pieces) {
    const Blob = globalThis.Blob;
    if (Blob && pieces.every((p) => typeof p !== 'function'))
        return new Blob(pieces);
    const ReadableStream = globalThis.ReadableStream;
    if (!ReadableStream)
        throw new TypeError('Uploading a stream needs a global ReadableStream (Node 18+, browsers, edge runtimes)');
    const encoder = new globalThis.TextEncoder();
    let index = 0;
    let current;
    return new ReadableStream({
        async pull(controller) {
            for (;;) {
                if (current) {
                    const next = await current.next();
                    if (!next.done)
                        return controller.enqueue(toBytes(next.value, encoder));
                    current = undefined;
                    continue;
                }
                const piece = pieces[index++];
                if (piece === undefined)
                    return controller.close();
                if (typeof piece === 'string')
                    return controller.enqueue(encoder.encode(piece));
                if (piece instanceof Uint8Array)
                    return controller.enqueue(piece);
                current = typeof piece === 'function' ? piece() : chunksOf(piece.stream());
            }
        },
        async cancel(reason) {
            await current?.return?.(reason);
        },
    });
}
/** A stream's chunks, read one at a time. */
function chunksOf(stream) {
    if (isNodeStream(stream))
        return stream[Symbol.asyncIterator]();
    const reader = stream.getReader();
    return {
        next: async () => {
            const { done, value } = await reader.read();
            return done ? { done: true, value: undefined } : { done: false, value };
        },
        return: async (reason) => {
            await reader.cancel(reason);
            return { done: true, value: undefined };
        },
    };
}
function toBytes(chunk, encoder) {
    if (chunk instanceof Uint8Array)
        return chunk;
    if (typeof chunk === 'string')
        return encoder.encode(chunk);
    throw new TypeError('A file stream must yield bytes (Uint8Array or Buffer) or strings');
}
function randomDigits() {
    let out = '';
    for (let i = 0; i < 24; i++)
        out += Math.floor(Math.random() * 10);
    return out;
}
