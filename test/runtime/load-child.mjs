// Run by load.test.ts in its own process: 1,000 concurrent calls through one client, then the
// server closes and this process must exit by itself (nothing left holding the event loop).
import { createServer } from 'node:http';

const { ClientCore, nodeFetch } = await import(process.argv[2]);
const fetch = process.argv[3] === 'nodeFetch' ? nodeFetch() : undefined;

let served = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    served++;
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${served}` });
    res.end(JSON.stringify({ id: `vs_${served}`, object: 'identity.verification_session' }));
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const client = new ClientCore(
  { apiKey: 'sk_test_load', baseUrl: `http://127.0.0.1:${server.address().port}`, fetch },
  { apiVersion: '2023-10-16', packageName: 'load', packageVersion: '0' },
);
const results = await Promise.allSettled(
  Array.from({ length: 1000 }, (_, i) =>
    client.request({ method: 'POST', path: '/v1/identity/verification_sessions', params: { type: 'document', metadata: { i } } }),
  ),
);
const ids = new Set(results.filter((r) => r.status === 'fulfilled').map((r) => r.value.id));
await new Promise((resolve) => server.close(resolve));
process.stdout.write(
  JSON.stringify({
    fulfilled: results.filter((r) => r.status === 'fulfilled').length,
    distinct: ids.size,
    served,
    errors: results.filter((r) => r.status === 'rejected').map((r) => String(r.reason)).slice(0, 3),
  }) + '\n',
);
