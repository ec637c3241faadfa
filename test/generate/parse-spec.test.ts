import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSpecSource, sha256 } from '../../generator/load/locate-spec.js';
import { parseSpec } from '../../generator/load/parse-spec.js';

function parse(yamlText: string): unknown {
  const bytes = Buffer.from(yamlText);
  return parseSpec({ origin: 'inline.yaml', bytes, sha256: sha256(bytes) }, { cache: false });
}

describe('a YAML spec', () => {
  it('reads as the JSON document it stands for: an unquoted date stays a string, no YAML 1.1 types', () => {
    const document = parse(
      [
        'openapi: 3.0.0',
        'info: {title: T, version: 2023-08-16}',
        'paths: {}',
        'components:',
        '  schemas:',
        '    a:',
        '      example: {created: 2001-12-14t21:59:43.10-05:00, flag: true, none: ~, count: 0x1A, ratio: 1.5, word: yes}',
      ].join('\n'),
    ) as { info: { version: unknown }; components: { schemas: { a: { example: Record<string, unknown> } } } };
    expect(document.info.version).toBe('2023-08-16');
    // YAML 1.2 core: booleans, null and numbers as JSON has them; `yes` is a word, not true.
    expect(document.components.schemas.a.example).toEqual({ created: '2001-12-14t21:59:43.10-05:00', flag: true, none: null, count: 26, ratio: 1.5, word: 'yes' });
  });

  it('with a YAML 1.1 type tag, which no JSON value stands for, is refused at its line', () => {
    expect(() => parse('openapi: 3.0.0\ninfo: {title: T, version: "1"}\npaths:\n  /a: !!binary aGk=\n')).toThrow(/not valid YAML: unknown tag .*binary/);
    try {
      parse('openapi: 3.0.0\ninfo: {title: T, version: "1"}\npaths:\n  /a: !!binary aGk=\n');
    } catch (error) {
      expect((error as { where?: string }).where).toMatch(/^inline\.yaml:4:/);
    }
  });
});

function refusal(text: string, origin = 'inline.yaml', cacheDir?: string): { message: string; where?: string } {
  const bytes = Buffer.from(text);
  try {
    parseSpec({ origin, bytes, sha256: sha256(bytes) }, { cache: cacheDir !== undefined });
  } catch (error) {
    return { message: (error as Error).message, where: (error as { where?: string }).where };
  }
  throw new Error('the spec was accepted');
}

describe('parse limits', () => {
  const head = 'openapi: 3.0.0\ninfo: {title: T, version: "1"}\npaths: {}\n';

  it('a YAML alias bomb of a few hundred bytes is refused at the line of the alias that passes the limit', () => {
    const levels = 'abcdefghi'.split('');
    const lines = levels.map((name, i) => `x-${name}: &${name} [${Array(9).fill(i === 0 ? '"lol"' : `*${levels[i - 1]}`).join(',')}]`);
    const text = head + lines.join('\n') + '\n';
    expect(text.length).toBeLessThan(1024);
    const { message, where } = refusal(text);
    expect(message).toMatch(/YAML aliases expand to more than 16 MB/);
    expect(where).toMatch(/^inline\.yaml:(1[0-2])$/);
  });

  it('aliases of modest size are still read, as copies of their anchor', () => {
    const document = parse(`${head}x-base: &base {type: string}\nx-uses: [*base, *base]\n`) as Record<string, unknown>;
    expect(document['x-uses']).toEqual([{ type: 'string' }, { type: 'string' }]);
  });

  it('a scalar alias used many times counts its length', () => {
    const big = 'A'.repeat(1_000_000);
    const text = `${head}x-s: &s "${big}"\nx-uses: [${Array(40).fill('*s').join(', ')}]\n`;
    expect(refusal(text).message).toMatch(/alias/);
  });

  it('YAML nested past the limit, in flow or block style, is refused at its line', () => {
    expect(refusal(`${head}x-deep: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`)).toEqual({ message: 'nested more than 200 levels deep', where: 'inline.yaml:4' });
    const block = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n');
    expect(refusal(`${head}x-deep:\n${block}\n`).where).toBe('inline.yaml:203');
  });

  it('a JSON spec 100,000 brackets deep is refused at its line, and brackets in strings do not count', () => {
    const deep = `{"openapi": "3.0.0",\n"paths": {},\n"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(refusal(deep, 'deep.json')).toEqual({ message: 'nested more than 200 levels deep', where: 'deep.json:3' });
    const inStrings = JSON.stringify({ openapi: '3.0.0', info: { title: '['.repeat(1000), version: '1' }, paths: {} });
    expect(parse(inStrings)).toMatchObject({ openapi: '3.0.0' });
  });

  it('a spec larger than the size limit is refused before it is parsed', () => {
    const bytes = Buffer.alloc(65 * 1024 * 1024, 0x20);
    expect(() => parseSpec({ origin: 'big.yaml', bytes, sha256: sha256(bytes) }, { cache: false })).toThrow(/65 MB, more than the 64 MB/);
  });

  it('a refused spec leaves nothing in the parsed-spec cache', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-parse-cache-'));
    const previous = process.env.SDKGEN_CACHE_DIR;
    process.env.SDKGEN_CACHE_DIR = dir;
    try {
      refusal(`${head}x-deep: ${'['.repeat(500)}${']'.repeat(500)}\n`, 'inline.yaml', dir);
      parse(head);
      const bytes = Buffer.from(head);
      parseSpec({ origin: 'ok.yaml', bytes, sha256: sha256(bytes) });
      const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith('.json'));
      expect(files).toEqual([path.join('parsed', `${sha256(bytes)}.json`)]);
    } finally {
      if (previous === undefined) delete process.env.SDKGEN_CACHE_DIR;
      else process.env.SDKGEN_CACHE_DIR = previous;
    }
  });
});

describe('a YAML key given twice', () => {
  it('is refused at its second line, where JSON would silently keep the last', () => {
    const text = 'openapi: 3.0.0\ninfo: {title: T, version: "1"}\npaths:\n  /v1/a:\n    get: {}\n  /v1/a:\n    post: {}\n';
    const { message, where } = refusal(text);
    expect(message).toBe('not valid YAML: duplicated mapping key');
    expect(where).toBe('inline.yaml:6:3');
  });
});

describe('reading a spec source', () => {
  it('stops at the size limit: a device that never ends is refused, not read forever', async () => {
    await expect(readSpecSource('/dev/zero')).rejects.toThrow('the spec is larger than the 64 MB sdkgen reads');
  });
});
