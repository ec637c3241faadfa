import fs from 'node:fs';
import yaml from 'js-yaml';
import { SdkgenError } from '../errors.js';
import { cacheDir, writeCacheFile } from './cache-dir.js';
import type { SpecBytes } from './locate-spec.js';
import type { OpenApiDocument } from './openapi-types.js';
import { checkJsonDepth, checkSize, yamlGuard } from './parse-limits.js';
import { checkShape } from './check-shape.js';

/**
 * Parses JSON or YAML. js-yaml, not the `yaml` package: on the 4 MB Stripe spec it is several times
 * faster (about 0.25 s against 2 s). A parsed copy is cached as JSON under the bytes' sha256, so a
 * second run on the same spec costs one JSON.parse (about 40 ms).
 */
export function parseSpec(spec: SpecBytes, options: { cache?: boolean } = {}): OpenApiDocument {
  const useCache = options.cache ?? true;
  const cached = cacheDir('parsed', `${spec.sha256}.json`);
  if (useCache && fs.existsSync(cached)) {
    try {
      return JSON.parse(fs.readFileSync(cached, 'utf8')) as OpenApiDocument;
    } catch {
      // A damaged cache entry is rebuilt below.
    }
  }
  checkSize(spec.bytes.length, spec.origin);
  const text = spec.bytes.toString('utf8');
  const document = parseText(text, spec.origin);
  checkOpenApi3(document, spec.origin);
  checkShape(document);
  if (useCache) writeCacheFile(cached, JSON.stringify(document));
  return document;
}

function parseText(text: string, origin: string): unknown {
  if (/^\s*[{[]/.test(text)) {
    checkJsonDepth(text, origin);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new SdkgenError(`not valid JSON: ${jsonMessage(error as Error, text)}`, { where: origin });
    }
  }
  try {
    // YAML 1.2's core schema, the types a JSON-compatible OpenAPI document has. js-yaml's default
    // adds YAML 1.1's (timestamps, merge keys, binary, sets), whose resolvers run on every plain
    // scalar, about a fifth of the parse, and would read an unquoted date as a Date.
    // The listener bounds nesting and alias expansion; it costs about 5% of the parse.
    // Without js-yaml's `json` option a key given twice is an error: a second `/v1/things:` would
    // silently replace the first one's operations.
    return yaml.load(text, { filename: origin, schema: yaml.CORE_SCHEMA, listener: yamlGuard(origin) });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = error.mark ? error.mark.line + 1 : undefined;
      const column = error.mark ? error.mark.column + 1 : undefined;
      throw new SdkgenError(`not valid YAML: ${error.reason}`, {
        where: line ? `${origin}:${line}:${column}` : origin,
      });
    }
    throw error;
  }
}

/** Node reports a JSON error by character offset; people want a line and a column. */
function jsonMessage(error: Error, text: string): string {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return error.message;
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${error.message.replace(/ in JSON at position \d+.*/, '')} at line ${line}, column ${column}`;
}

function checkOpenApi3(document: unknown, origin: string): asserts document is OpenApiDocument {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new SdkgenError('not an OpenAPI document: the top level is not an object', { where: `${origin}:1` });
  }
  const doc = document as Record<string, unknown>;
  const version = doc.openapi;
  if (typeof version !== 'string' || !version.startsWith('3.')) {
    const found = doc.swagger ? `swagger: ${String(doc.swagger)}` : version === undefined ? 'no `openapi` field' : `openapi: ${String(version)}`;
    throw new SdkgenError(`not an OpenAPI 3 document (found ${found})`, {
      where: `${origin}:${lineOfKey(origin, doc.swagger ? 'swagger' : 'openapi')}`,
      hint: 'sdkgen reads OpenAPI 3.0 specs such as stripe/openapi spec3.yaml',
    });
  }
  if (typeof doc.paths !== 'object' || doc.paths === null) {
    throw new SdkgenError('not an OpenAPI 3 document: `paths` is missing', { where: `${origin}:1` });
  }
}

function lineOfKey(origin: string, key: string): number {
  try {
    const lines = fs.readFileSync(origin, 'utf8').split('\n');
    const index = lines.findIndex((line) => new RegExp(`^\\s*"?${key}"?\\s*:`).test(line));
    return index >= 0 ? index + 1 : 1;
  } catch {
    return 1;
  }
}
