import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sdkgen, tempDir } from '../support/project.js';

// What a newcomer gets wrong first: each mistake gets one line that says what and where, maybe a hint
// line, a non-zero exit, no stack trace and nothing written.
const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
const EMPTY_SPEC = 'openapi: 3.0.0\ninfo: {title: Empty, version: "1"}\npaths: {}\n';

describe('the CLI on a newcomer\'s mistakes', () => {
  const dir = tempDir('cli-edges');
  const cache = tempDir('cli-edges-cache');
  const run = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
    sdkgen(args, { ...options, env: { SDKGEN_CACHE_DIR: cache, ...options.env } });
  const emptySpec = path.join(dir, 'empty.yaml');
  fs.writeFileSync(emptySpec, EMPTY_SPEC);

  describe('on a port in use', () => {
    let holder: http.Server;
    let port: number;
    beforeAll(async () => {
      holder = http.createServer();
      await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
      port = (holder.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

    it('sdkgen mock says the port is in use and how to get a free one', () => {
      const result = run(['mock', '--port', String(port), '--quiet']);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`error: port ${port} on 127.0.0.1 is in use\nhint: stop what listens there, pass another --port, or --port 0 for a free one\n`);
      expect(result.stdout).toBe('');
    });

    it('sdkgen gateway says the same', () => {
      const result = run(['gateway', '--port', String(port), '--allow-origin', 'http://localhost:8080'], { env: { STRIPE_SECRET_KEY: 'sk_test_edges' } });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`error: port ${port} on 127.0.0.1 is in use\n`);
      noStack(result.stderr);
    });

    it('a port out of range is refused in words, not with a RangeError', () => {
      const result = run(['mock', '--port', '70000']);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('error: --port must be a whole number from 0 to 65535, not 70000');
      noStack(result.stderr);
    });
  });

  it('a URL spec that cannot be reached names the URL, the cause and how to use a local file', async () => {
    // A port that was just free: nothing listens there, so the connection is refused.
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const url = `http://127.0.0.1:${port}/spec3.yaml`;
    const out = path.join(dir, 'offline');
    const result = run(['generate', '--spec', url, '--out', out]);
    expect(result.status).toBe(1);
    const [line, hint, ...rest] = result.stderr.trimEnd().split('\n');
    expect(line).toBe(`error: ${url}: cannot download the spec: the connection was refused (ECONNREFUSED): nothing listens there`);
    expect(hint).toMatch(/^hint: save the spec .* pass the file's path instead of the URL; .*SDKGEN_SPEC_DIRS/);
    expect(rest).toEqual([]);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a host name that does not resolve is said so', () => {
    const result = run(['generate', '--spec', 'https://spec.sdkgen.invalid/spec3.yaml', '--out', path.join(dir, 'nohost')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: https:\/\/spec\.sdkgen\.invalid\/spec3\.yaml: cannot download the spec: the host name does not resolve \((ENOTFOUND|EAI_AGAIN)\)/);
    noStack(result.stderr);
  });

  it('--all with --operations or --resources is a conflict, not a silent choice', () => {
    for (const flag of ['--operations', '--resources']) {
      const out = path.join(dir, `conflict${flag}`);
      const result = run(['generate', '--all', flag, 'x', '--out', out]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^error: option '--all' cannot be used with option '${flag} <\\w+>'\n\\(add --help for usage\\)\n$`));
      expect(fs.existsSync(out)).toBe(false);
    }
    const gateway = run(['gateway', '--resources', 'customers', '--all', '--allow-origin', 'http://localhost:8080'], { env: { STRIPE_SECRET_KEY: 'sk_test_edges' } });
    expect(gateway.status).toBe(1);
    expect(gateway.stderr).toContain("option '--all' cannot be used with option '--resources <names>'");
  });

  it('an empty list of names is refused: it would otherwise select the whole API', () => {
    const out = path.join(dir, 'empty-list');
    const result = run(['generate', '--operations', ' , ', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("error: option '--operations <ids>' argument ' , ' is invalid. expected one or more names, comma-separated");
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a spec with no operations: --all and a selection both fail, and nothing is written', () => {
    for (const selection of [['--all'], ['--resources', 'customers'], ['--operations', 'GetCustomers'], []]) {
      const out = path.join(dir, `none-${selection.join('') || 'default'}`);
      const result = run(['generate', '--spec', emptySpec, ...selection, '--out', out]);
      expect(result.status, selection.join(' ')).toBe(1);
      const [line, hint, ...rest] = result.stderr.trimEnd().split('\n');
      expect(line).toMatch(/^error: .*the spec has no operations/);
      // The hint says something: no dangling "closest resources: " with nothing after it.
      expect(hint).toBe('hint: an OpenAPI 3 spec lists its operations under `paths`; check that this is the spec you meant');
      expect(rest).toEqual([]);
      expect(fs.existsSync(out)).toBe(false);
    }
  });

  it("diff's missing-file hint fits diff's positional arguments", () => {
    const result = run(['diff', emptySpec, path.join(dir, 'no-such.yaml')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`error: ${path.join(dir, 'no-such.yaml')}: cannot read the spec: no such file (ENOENT)`);
    expect(result.stderr).not.toContain('--spec');
  });

  it('an unknown flag gets one line and a pointer to --help (with a suggestion when one is close), not the whole help', () => {
    const typo = run(['generate', '--spce', 'x']);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toBe("error: unknown option '--spce'\n(Did you mean --spec?)\n(add --help for usage)\n");
    const unknown = run(['frobnicate']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe("error: unknown command 'frobnicate'\n(add --help for usage)\n");
  });

  it('every command has --help, which exits 0', () => {
    for (const command of ['generate', 'extract', 'diff', 'update', 'gateway', 'mock']) {
      const result = run([command, '--help']);
      expect(result.status, command).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: sdkgen ${command} `));
    }
  });

  it('outside the checkout, with no config, no pin and no --spec, says what to pass', () => {
    const project = tempDir('no-config');
    const result = run(['generate'], { cwd: project });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `error: ${path.join(project, 'spec/pin.json')}: no spec given and no spec pin here\n` +
        'hint: pass --spec FILE|URL, or run sdkgen in its checkout (where sdkgen.config.json is), or pass --config FILE\n',
    );
    const missingConfig = run(['generate', '--config', 'nope.json'], { cwd: project });
    expect(missingConfig.status).toBe(1);
    expect(missingConfig.stderr).toBe(`error: ${path.join(project, 'nope.json')}: config file not found\n`);
  });

  it('a config that selects everything by mistake (an empty list, or "all" beside a list) is refused', () => {
    const project = tempDir('config-edges');
    const config = path.join(project, 'sdkgen.config.json');
    fs.writeFileSync(config, JSON.stringify({ operations: [] }));
    const empty = run(['generate', '--out', 'out'], { cwd: project });
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe(`error: ${config}: 'operations' is empty\nhint: name at least one, or remove 'operations' and set "all": true for the whole API\n`);
    fs.writeFileSync(config, JSON.stringify({ all: true, resources: ['customers'] }));
    const both = run(['generate', '--out', 'out'], { cwd: project });
    expect(both.status).toBe(1);
    expect(both.stderr).toContain(`error: ${config}: "all": true cannot be combined with 'resources'`);
    expect(fs.existsSync(path.join(project, 'out'))).toBe(false);
  });

  it('--no-cache generates from scratch and leaves the cache empty', () => {
    const fresh = tempDir('no-cache');
    const result = sdkgen(['generate', '--no-cache', '--json', '--operations', 'GetIdentityVerificationSessions', '--out', path.join(dir, 'no-cache')], { env: { SDKGEN_CACHE_DIR: fresh } });
    expect(result.status, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { cached: boolean }).cached).toBe(false);
    expect(fs.readdirSync(fresh)).toEqual([]);
    expect(fs.existsSync(path.join(ROOT, 'generated'))).toBe(true);
  });
});
