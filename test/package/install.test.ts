import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { generateInto, npmEnv, ROOT, run, SESSION, startServer, tempDir, TSC, writeFiles } from './support.js';

// A user's view: the packed tarball installed into an empty project by following the README's "Use the
// package in your app" literally, then called the ways the READMEs show, against a local server standing
// in for api.stripe.com.

/** The README's section: its shell steps up to the install, and the app's files by the name in their first line. */
const readmeInstall = (() => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Use the package in your app\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang, body]) => ({ lang: lang!, body: body! }));
  const files = new Map<string, string>();
  for (const { body } of blocks) {
    const name = /^\/\/ ([\w.]+)\n/.exec(body)?.[1];
    if (name) files.set(name, body);
  }
  const shell = blocks.filter((b) => b.lang === 'sh');
  return { found: start >= 0, script: shell[0]?.body ?? '', run: shell[1]?.body ?? '', files };
})();
describe('the tarball, installed into a fresh project', () => {
  let work: string;
  let app: string;
  let server: Awaited<ReturnType<typeof startServer>>;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = tempDir('package-install');
    env = npmEnv(path.join(work, 'npm-cache'));
    // A checkout as a fresh clone has it after `npm ci`: the generated package, and the dependencies
    // whose TypeScript builds it.
    const checkout = path.join(work, 'sdkgen');
    generateInto(path.join(checkout, 'generated'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
    // The README's steps, as written, in that checkout; a package with no dependencies installs offline.
    await run('sh', ['-e', '-c', readmeInstall.script], { cwd: checkout, env: { ...env, npm_config_offline: 'true' } });
    app = path.join(work, 'my-app');
    server = await startServer();
  });

  afterAll(async () => {
    await server?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  test("the README's section holds the steps and files this test follows", () => {
    expect(readmeInstall.found).toBe(true);
    expect(readmeInstall.script).toContain('npm pack');
    expect(readmeInstall.script).toContain('npm install "$SDKGEN/generated/utdk-stripe-0.1.0.tgz"');
    expect([...readmeInstall.files.keys()]).toEqual(['app.js', 'app.cjs', 'app.ts', 'tsconfig.json']);
    expect(readmeInstall.run).toContain('node app.js && node app.cjs');
    expect(readmeInstall.run).toContain('npx tsc -p .');
  });

  test("the README's app runs as ES module and as CommonJS, and type-checks, as written", async () => {
    writeFiles(app, Object.fromEntries(readmeInstall.files));
    const listed = { object: 'list', url: '/v1/identity/verification_sessions', has_more: false, data: [SESSION, SESSION] };
    server.respondWith = (request) => (request.method === 'GET' ? listed : SESSION);
    try {
      // `node app.js && node app.cjs`, with the key and a base URL that stand in for Stripe.
      const esm = await run(process.execPath, ['app.js'], { cwd: app, env: appEnv() });
      expect(esm.stdout).toBe(`${SESSION.id} ${SESSION.status}\n`);
      const cjs = await run(process.execPath, ['app.cjs'], { cwd: app, env: appEnv() });
      expect(cjs.stdout).toBe('2\n');
    } finally {
      server.respondWith = undefined;
    }
    expect(server.requests.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
      ['POST', '/v1/identity/verification_sessions', 'Bearer sk_test_env'],
      ['GET', '/v1/identity/verification_sessions?limit=3', 'Bearer sk_test_env'],
    ]);
    // `npx tsc -p .`: the TypeScript the package pins, already here (the README installs it from the registry).
    await run(process.execPath, [TSC, '-p', '.'], { cwd: app });
  });

  test('its declarations type the client and its resources by the modules that re-export the functions', () => {
    const dist = path.join(app, 'node_modules/@utdk/stripe/dist/esm');
    const client = fs.readFileSync(path.join(dist, 'client.d.ts'), 'utf8');
    const resource = fs.readFileSync(path.join(dist, 'resources/Identity/VerificationSessions.d.ts'), 'utf8');
    const methods = fs.readFileSync(path.join(dist, 'methods/Identity/VerificationSessions.d.ts'), 'utf8');
    expect(client).toMatch(/=> typeof operations & import\("\.\/runtime\/operation-types\.js"\)\.ClientBound;/);
    expect(resource).toMatch(/=> typeof methods & import\("\.\.\/\.\.\/runtime\/operation-types\.js"\)\.ClientBound;/);
    expect(methods).toContain('postIdentityVerificationSessions as create,');
    // Each operation's type and doc comment are written once, on its function in its resource's declarations.
    expect(client).not.toContain('OperationFunction<');
    expect(methods).not.toContain('OperationFunction<');
    expect(methods).not.toContain('/**');
    const functions = resource.match(/^export declare const \w+: OperationFunction</gm)!.length;
    expect(functions).toBe(6);
    expect(resource.match(/OperationFunction</g)).toHaveLength(functions);
  });

  const appEnv = () => ({ ...env, STRIPE_BASE_URL: server.url, STRIPE_SECRET_KEY: 'sk_test_env' });

  test('installs the package and nothing else', () => {
    const installed = fs.readdirSync(path.join(app, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(installed).toEqual(['@utdk']);
    expect(fs.readdirSync(path.join(app, 'node_modules', '@utdk'))).toEqual(['stripe']);
    expect(fs.existsSync(path.join(app, 'node_modules/@utdk/stripe/src'))).toBe(false);
  });

  test('the seed call runs from an .mjs file: the default client, configured from the environment', async () => {
    writeFiles(app, {
      'seed.mjs': [
        "import stripe from '@utdk/stripe';",
        '',
        "const session = await stripe.postIdentityVerificationSessions({ type: 'document' });",
        'console.log(JSON.stringify(session));',
        '',
      ].join('\n'),
    });
    const { stdout } = await run(process.execPath, ['seed.mjs'], { cwd: app, env: appEnv() });
    expect(JSON.parse(stdout)).toEqual(SESSION);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/identity/verification_sessions', body: 'type=document' });
    expect(request!.headers).toMatchObject({
      authorization: 'Bearer sk_test_env',
      'content-type': 'application/x-www-form-urlencoded',
      'stripe-version': '2023-08-16',
    });
    expect(request!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a .cjs file requires the CommonJS build and calls both shapes', async () => {
    writeFiles(app, {
      'seed.cjs': [
        "const { default: stripe, createClient } = require('@utdk/stripe');",
        '',
        'async function main() {',
        "  const flat = await stripe.postIdentityVerificationSessions({ type: 'document' });",
        '  const client = createClient({ apiKey: process.argv[2], baseUrl: process.argv[3] });',
        "  const nested = await client.identity.verificationSessions.create({ type: 'id_number', metadata: { order_id: '6735' } });",
        "  console.log(JSON.stringify({ resolved: require.resolve('@utdk/stripe'), flat: flat.id, nested: nested.id }));",
        '}',
        'main().catch((error) => {',
        '  console.error(error);',
        '  process.exitCode = 1;',
        '});',
        '',
      ].join('\n'),
    });
    const { stdout } = await run(process.execPath, ['seed.cjs', 'sk_test_cjs', server.url], { cwd: app, env: appEnv() });
    const out = JSON.parse(stdout) as { resolved: string; flat: string; nested: string };
    expect(out.resolved.split(path.sep).join('/')).toMatch(/node_modules\/@utdk\/stripe\/dist\/cjs\/index\.js$/);
    expect(out).toMatchObject({ flat: SESSION.id, nested: SESSION.id });
    expect(server.requests.map((r) => [r.method, r.url, r.body, r.headers.authorization])).toEqual([
      ['POST', '/v1/identity/verification_sessions', 'type=document', 'Bearer sk_test_env'],
      ['POST', '/v1/identity/verification_sessions', 'type=id_number&metadata[order_id]=6735', 'Bearer sk_test_cjs'],
    ]);
  });

  test('with no API key, the default client throws StripeAuthenticationError before connecting anywhere', async () => {
    writeFiles(app, {
      'no-key.mjs': [
        "import diagnostics from 'node:diagnostics_channel';",
        "import stripe, { createClient, StripeAuthenticationError } from '@utdk/stripe';",
        '',
        '// Every TCP connection this process opens, whichever transport opens it.',
        'const sockets = [];',
        "diagnostics.subscribe('net.client.socket', (socket) => sockets.push(socket));",
        "const error = await stripe.postIdentityVerificationSessions({ type: 'document' }).catch((e) => e);",
        'const before = sockets.length;',
        '// The control: a client of a local server, with no key either, does connect.',
        "const local = await createClient({ baseUrl: process.argv[2] }).identity.verificationSessions.create({ type: 'document' });",
        'console.log(JSON.stringify({ name: error.name, isAuth: error instanceof StripeAuthenticationError, message: error.message, before, after: sockets.length, local: local.id }));',
        '',
      ].join('\n'),
    });
    const noKeyEnv = { ...env };
    delete noKeyEnv.STRIPE_SECRET_KEY;
    delete noKeyEnv.STRIPE_BASE_URL;
    const { stdout } = await run(process.execPath, ['no-key.mjs', server.url], { cwd: app, env: noKeyEnv });
    const out = JSON.parse(stdout) as { name: string; isAuth: boolean; message: string; before: number; after: number; local: string };
    expect(out).toMatchObject({ name: 'StripeAuthenticationError', isAuth: true, before: 0, after: 1, local: SESSION.id });
    expect(out.message).toContain('STRIPE_SECRET_KEY');
    expect(out.message).toContain('createClient({ apiKey })');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  test('a method name that does not exist throws naming the closest ones, and the objects stay ordinary', async () => {
    writeFiles(app, {
      'typo.mjs': [
        "import util from 'node:util';",
        "import stripe, { createClient } from '@utdk/stripe';",
        '',
        "const client = createClient({ apiKey: 'sk_test_typo', baseUrl: process.argv[2] });",
        'const attempt = (call) => {',
        '  try {',
        '    call();',
        "    return 'no error';",
        '  } catch (error) {',
        '    return `${error.constructor.name}: ${error.message}`;',
        '  }',
        '};',
        'console.log(JSON.stringify({',
        "  flat: attempt(() => stripe.postidentityverificationsessions({ type: 'document' })),",
        "  resource: attempt(() => client.identity.verificationSessions.creat({ type: 'document' })),",
        '  unlike: attempt(() => client.identity.verificationSessions.frobnicate()),',
        '  awaited: (await client) === client,',
        '  then: typeof client.then,',
        '  json: JSON.stringify(client.identity),',
        '  inspected: util.inspect(client.identity.verificationSessions),',
        "  own: Object.keys(client).join(','),",
        '  isObject: client instanceof Object,',
        "  realMethod: (await client.identity.verificationSessions.create({ type: 'document' })).id,",
        '}));',
        '',
      ].join('\n'),
      'typo.cjs': [
        "const { default: stripe } = require('@utdk/stripe');",
        '',
        'try {',
        '  stripe.getIdentityVerificationSession();',
        '} catch (error) {',
        '  console.log(`${error.constructor.name}: ${error.message}`);',
        '}',
        '',
      ].join('\n'),
    });
    const { stdout } = await run(process.execPath, ['typo.mjs', server.url], { cwd: app, env: appEnv() });
    expect(JSON.parse(stdout)).toEqual({
      flat: 'TypeError: StripeClient.postidentityverificationsessions is not a method; did you mean postIdentityVerificationSessions?',
      resource: 'TypeError: VerificationSessions.creat is not a method; did you mean create?',
      unlike: 'TypeError: VerificationSessions.frobnicate is not a method; its methods are cancel, create, list, redact, retrieve, update',
      awaited: true,
      then: 'undefined',
      json: '{"verificationSessions":{}}',
      inspected: 'VerificationSessions {}',
      own: 'identity',
      isObject: true,
      realMethod: SESSION.id,
    });
    const cjs = await run(process.execPath, ['typo.cjs'], { cwd: app, env: appEnv() });
    expect(cjs.stdout).toBe('TypeError: StripeClient.getIdentityVerificationSession is not a method; did you mean getIdentityVerificationSessions?\n');
    // Only the one real call reached the server.
    expect(server.requests).toHaveLength(1);
  });

  describe('a TypeScript user', () => {
    // Both call shapes, a type from a namespace, an error class, and two calls the types must refuse.
    const userFile = (baseUrl: string) =>
      [
        "import stripe, { createClient, StripeError, type Identity } from '@utdk/stripe';",
        '',
        '// No DOM lib and no @types/node here: the one global this file needs is declared.',
        'declare const console: { log(text: string): void };',
        '',
        `const client = createClient({ apiKey: 'sk_test_ts', baseUrl: ${JSON.stringify(baseUrl)} });`,
        'const created: Identity.VerificationSession = await client.identity.verificationSessions.create({',
        "  type: 'document',",
        "  metadata: { order_id: '6735' },",
        "  options: { document: { allowed_types: ['passport'], require_live_capture: true } },",
        '});',
        "const flat = await stripe.postIdentityVerificationSessions({ type: 'id_number' }, { idempotencyKey: 'key-1' });",
        "const status: 'requires_input' | 'processing' | 'verified' | 'canceled' = flat.status;",
        '',
        '// Never called: only the compiler sees these.',
        'export const refused = () => [',
        '  // @ts-expect-error: not a verification type',
        "  client.identity.verificationSessions.create({ type: 'passport' }),",
        '  // @ts-expect-error: `type` is required',
        '  stripe.postIdentityVerificationSessions({}),',
        '];',
        '',
        'const isError = (e: unknown): e is StripeError => e instanceof StripeError;',
        'console.log(JSON.stringify({ created: created.id, status, isError: isError(new Error()) }));',
        '',
      ].join('\n');

    const tsconfig = (options: Record<string, unknown>, files: string[]) =>
      `${JSON.stringify(
        {
          compilerOptions: {
            target: 'ES2022',
            // No DOM and no @types/node: the package's types must stand on their own.
            lib: ['ES2022'],
            types: [],
            strict: true,
            skipLibCheck: false,
            ...options,
          },
          files,
        },
        null,
        2,
      )}\n`;

    test('type-checks (NodeNext, ESM and CJS; bundler) with the package types alone, then runs', async () => {
      writeFiles(app, {
        'user.ts': userFile(server.url),
        // The CommonJS side of the types: `import` in a .cts compiles to `require`.
        'user-cjs.cts': [
          "import { createClient, type Identity } from '@utdk/stripe';",
          '',
          "export const create = (): Promise<Identity.VerificationSession> => createClient({ apiKey: 'sk' }).identity.verificationSessions.create({ type: 'document' });",
          '',
        ].join('\n'),
        'tsconfig.json': tsconfig({ module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'out' }, ['user.ts', 'user-cjs.cts']),
        'tsconfig.bundler.json': tsconfig({ module: 'ESNext', moduleResolution: 'Bundler', noEmit: true }, ['user.ts']),
      });
      await run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: app });
      await run(process.execPath, [TSC, '-p', 'tsconfig.bundler.json'], { cwd: app });

      const { stdout } = await run(process.execPath, ['out/user.js'], { cwd: app, env: appEnv() });
      expect(JSON.parse(stdout)).toEqual({ created: SESSION.id, status: 'requires_input', isError: false });
      expect(server.requests).toHaveLength(2);
      const [nested, flat] = server.requests;
      expect(nested).toMatchObject({ method: 'POST', url: '/v1/identity/verification_sessions' });
      expect(nested!.headers.authorization).toBe('Bearer sk_test_ts');
      expect(decodeURIComponent(nested!.body)).toBe(
        'type=document&metadata[order_id]=6735&options[document][allowed_types][0]=passport&options[document][require_live_capture]=true',
      );
      expect(flat).toMatchObject({ method: 'POST', url: '/v1/identity/verification_sessions', body: 'type=id_number' });
      expect(flat!.headers).toMatchObject({ authorization: 'Bearer sk_test_env', 'idempotency-key': 'key-1' });
    });

    test('the compiler rejects a wrong call (the types are not `any`)', async () => {
      writeFiles(app, {
        'wrong.ts': "import stripe from '@utdk/stripe';\n\nawait stripe.postIdentityVerificationSessions({ type: 'selfie' });\n",
        'tsconfig.wrong.json': tsconfig({ module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true }, ['wrong.ts']),
      });
      await expect(run(process.execPath, [TSC, '-p', 'tsconfig.wrong.json'], { cwd: app })).rejects.toThrow(/TS2322[^\n]*'"selfie"'/);
    });
  });
});
