import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sdkgen, tempDir } from '../support/project.js';

/** What a server made of one request: its multipart body parsed by the platform's own parser. */
interface Received {
  method: string;
  url: string;
  contentType: string;
  fields: Record<string, string>;
  files: Record<string, { name: string; type: string; bytes: Buffer }>;
}

type Answer = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface TestServer {
  url: string;
  port: number;
  received: Received[];
  /** Bytes of request body received so far, across requests. */
  bytesIn: number;
  /** Called as body bytes arrive, so a test can pace what it sends. */
  onBytes: (() => void) | undefined;
  answer: Answer;
  close(): Promise<void>;
}

const FILE_JSON = JSON.stringify({ id: 'file_1', object: 'file', purpose: 'dispute_evidence' });

async function startServer(): Promise<TestServer> {
  const state: TestServer = {
    url: '',
    port: 0,
    received: [],
    bytesIn: 0,
    onBytes: undefined,
    answer: (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(FILE_JSON),
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      state.bytesIn += chunk.length;
      state.onBytes?.();
    });
    req.on('end', async () => {
      const contentType = req.headers['content-type'] ?? '';
      const entry: Received = { method: req.method!, url: req.url!, contentType, fields: {}, files: {} };
      if (contentType.startsWith('multipart/form-data')) {
        // Node's own multipart parser (undici's Request.formData), not one of this project's.
        const form = await new Request('http://127.0.0.1/', { method: 'POST', headers: { 'content-type': contentType }, body: Buffer.concat(chunks) }).formData();
        const entries: Array<[string, FormDataEntryValue]> = [];
        form.forEach((value, name) => entries.push([name, value]));
        for (const [name, value] of entries) {
          if (typeof value === 'string') entry.fields[name] = value;
          else entry.files[name] = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
        }
      }
      state.received.push(entry);
      state.answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.url = `http://127.0.0.1:${state.port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

interface Package {
  createCore(config: object): unknown;
  createClient(config: object): {
    files: { create(params: object, options?: object): Promise<{ id: string }> };
    quotes: { pdf(id: string): Promise<BinaryResult> };
  };
}

interface BinaryResult {
  contentType: string;
  body: ReadableStream<Uint8Array>;
  arrayBuffer(): Promise<ArrayBuffer>;
  blob(): Promise<Blob>;
  text(): Promise<string>;
  lastResponse: { statusCode: number };
}

describe('uploads and downloads, end to end over HTTP', () => {
  let pkg: Package;
  let api: TestServer;
  let files: TestServer;
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80]), Buffer.from('\n%%EOF\n')]);

  beforeAll(async () => {
    const out = path.join(tempDir('files'), 'pkg');
    const result = sdkgen(['generate', '--operations', 'PostFiles,GetQuotesQuotePdf', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    pkg = (await import(pathToFileURL(path.join(out, 'src/index.ts')).href)) as Package;
  }, 60_000);

  beforeAll(async () => {
    [api, files] = await Promise.all([startServer(), startServer()]);
  });
  afterEach(() => {
    api.received = [];
    files.received = [];
    files.onBytes = undefined;
    files.answer = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(FILE_JSON);
  });
  afterAll(async () => {
    await Promise.all([api.close(), files.close()]);
  });

  // Pointed at a stand-in, with the files host redirected to a second one, as a test suite would.
  const client = (extra: object = {}) =>
    pkg.createClient({ apiKey: 'sk_test_files', baseUrl: api.url, servers: { 'https://files.stripe.com': files.url }, maxNetworkRetries: 1, ...extra });

  it('sends files.create as multipart to the files host, as stripe@13.11.0 sends it', async () => {
    const params = {
      purpose: 'dispute_evidence',
      file: { data: pdf, name: 'evidence "1".pdf', type: 'application/pdf' },
      file_link_data: { create: true, expires_at: 1_900_000_000, metadata: { order: '6735' } },
      expand: ['links'],
    };
    await client().files.create(params);
    const Stripe = createRequire(import.meta.url)('stripe') as new (key: string, config: object) => { files: { create(p: object, o?: object): Promise<unknown> } };
    // stripe-node sends files.create to files.stripe.com whatever its host; a per-request host redirects it.
    const stripe = new Stripe('sk_test_files', { host: '127.0.0.1', port: files.port, protocol: 'http' });
    await stripe.files.create(params, { host: '127.0.0.1' });
    expect(api.received).toEqual([]);
    const [ours, theirs] = files.received;
    expect(ours).toMatchObject({ method: 'POST', url: '/v1/files' });
    expect(ours!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(ours!.files.file).toEqual({ name: 'evidence "1".pdf', type: 'application/pdf', bytes: pdf });
    expect(ours!.fields).toEqual({
      purpose: 'dispute_evidence',
      'file_link_data[create]': 'true',
      'file_link_data[expires_at]': '1900000000',
      'file_link_data[metadata][order]': '6735',
      'expand[0]': 'links',
    });
    expect(ours!.fields).toEqual(theirs!.fields);
    expect(ours!.files).toEqual(theirs!.files);
  });

  it('takes a file as a Buffer, Uint8Array, Blob, File, web ReadableStream, Node Readable or path stream', async () => {
    const dir = tempDir('upload');
    fs.writeFileSync(path.join(dir, 'id.pdf'), pdf);
    const forms: Array<[string, () => unknown, string, string]> = [
      ['Buffer', () => pdf, 'blob', 'application/octet-stream'],
      ['Uint8Array', () => new Uint8Array(pdf), 'blob', 'application/octet-stream'],
      ['Blob', () => new Blob([pdf], { type: 'application/pdf' }), 'blob', 'application/pdf'],
      ['File', () => new File([pdf], 'passport.pdf', { type: 'application/pdf' }), 'passport.pdf', 'application/pdf'],
      ['ReadableStream', () => Readable.toWeb(Readable.from([pdf.subarray(0, 5), pdf.subarray(5)])), 'blob', 'application/octet-stream'],
      ['Readable', () => fs.createReadStream(path.join(dir, 'id.pdf')), 'blob', 'application/octet-stream'],
      ['{ data: Readable }', () => ({ data: Readable.from([pdf]), name: 'id.pdf', type: 'application/pdf' }), 'id.pdf', 'application/pdf'],
    ];
    for (const transport of ['node:http', 'fetch']) {
      const c = client(transport === 'fetch' ? { fetch: globalThis.fetch } : {});
      for (const [label, file, name, type] of forms) {
        await c.files.create({ purpose: 'identity_document', file: file() });
        const received = files.received.pop();
        expect(received?.files.file, `${label} over ${transport}`).toEqual({ name, type, bytes: pdf });
        expect(received?.fields, label).toEqual({ purpose: 'identity_document' });
      }
    }
  });

  it('streams a stream: the server has each chunk before the next is read', async () => {
    const chunk = Buffer.alloc(256 * 1024, 'x');
    const count = 8;
    // Chunk k is produced only once the server holds k chunks' worth of body: a client that read
    // the whole stream before sending would wait forever (the test's timeout ends it).
    const paced = () => {
      const start = files.bytesIn;
      return Readable.from(
        (async function* () {
          for (let k = 0; k < count; k++) {
            while (files.bytesIn - start < k * chunk.length) await new Promise<void>((resolve) => (files.onBytes = resolve));
            yield chunk;
          }
        })(),
      );
    };
    for (const transport of ['node:http', 'fetch']) {
      const c = client(transport === 'fetch' ? { fetch: globalThis.fetch } : {});
      await c.files.create({ purpose: 'dispute_evidence', file: { data: paced(), name: 'big.bin' } });
      expect(files.received.pop()?.files.file?.bytes.length, transport).toBe(count * chunk.length);
    }
  }, 30_000);

  it('retries an upload of bytes, and not one of a stream, which reads once', async () => {
    let calls = 0;
    files.answer = (_req, res) => {
      calls++;
      if (calls % 2 === 1) res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"type":"api_error","message":"try again"}}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(FILE_JSON);
    };
    const c = client({ initialRetryDelay: 1, maxRetryDelay: 1 });
    await expect(c.files.create({ purpose: 'dispute_evidence', file: pdf })).resolves.toMatchObject({ id: 'file_1' });
    expect(files.received.map((r) => r.files.file?.bytes.length)).toEqual([pdf.length, pdf.length]);
    await expect(c.files.create({ purpose: 'dispute_evidence', file: Readable.from([pdf]) })).rejects.toThrow('try again');
    expect(files.received).toHaveLength(3);
  });

  it('returns a PDF download as bytes from the files host, never parsed; an error answer still throws', async () => {
    files.answer = (req, res) => {
      if (req.url === '/v1/quotes/qt_1/pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
      else res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"type":"invalid_request_error","message":"No such quote"}}');
    };
    const result = await client().quotes.pdf('qt_1');
    expect(files.received.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /v1/quotes/qt_1/pdf']);
    expect(api.received).toEqual([]);
    expect(result.contentType).toBe('application/pdf');
    expect(result.lastResponse.statusCode).toBe(200);
    expect(Buffer.from(await result.arrayBuffer())).toEqual(pdf);
    expect(Buffer.from(await (await result.blob()).arrayBuffer())).toEqual(pdf);
    expect(Buffer.from(await new Response(result.body).arrayBuffer())).toEqual(pdf);
    expect(await result.text()).toBe(pdf.toString('utf8'));
    await expect(client().quotes.pdf('qt_missing')).rejects.toMatchObject({ type: 'StripeInvalidRequestError', message: 'No such quote' });
  });

  it('sends uploads and downloads to a configured baseUrl when no server is redirected (a mock serves everything)', async () => {
    const c = pkg.createClient({ apiKey: 'sk_test_files', baseUrl: api.url });
    await c.files.create({ purpose: 'dispute_evidence', file: pdf });
    api.answer = (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
    await c.quotes.pdf('qt_1');
    expect(api.received.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v1/files', 'GET /v1/quotes/qt_1/pdf']);
    expect(files.received).toEqual([]);
    api.answer = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(FILE_JSON);
  });
});
