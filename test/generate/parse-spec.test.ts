import { describe, expect, it } from 'vitest';
import { sha256 } from '../../generator/load/locate-spec.js';
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
