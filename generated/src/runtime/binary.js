/**
 * The result of an operation whose response is not JSON (a quote's PDF): its bytes, never parsed,
 * in the shape of a `fetch` `Response`, so it can be saved, streamed on, or handed to a `Response`.
 */
export function binaryResponse(bytes, meta) {
    const { headers } = meta;
    const contentType = headers['content-type'] ?? 'application/octet-stream';
    return {
        contentType,
        headers,
        lastResponse: meta,
        get body() {
            const ReadableStream = globalThis.ReadableStream;
            if (!ReadableStream)
                throw new TypeError('No global ReadableStream on this platform: use arrayBuffer()');
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
            if (!Blob)
                throw new TypeError('No global Blob on this platform: use arrayBuffer()');
            return new Blob([bytes], { type: contentType });
        },
        text: async () => new globalThis.TextDecoder().decode(new Uint8Array(bytes)),
    };
}
