import fs from 'node:fs';
import path from 'node:path';
import { isRuleId, RULE_IDS, type LevelOverrides } from '../diff/rules.js';
import { SdkgenError } from '../errors.js';

/** `sdkgen.config.json`: what `npm run generate` does with no flags. Flags override each field. */
export interface SdkgenConfig {
  /** A spec path or URL; absent means the pin. */
  spec?: string;
  /** The spec pin (URL + sha256), relative to the config file. */
  pin: string;
  packageName: string;
  operations?: string[];
  resources?: string[];
  all?: boolean;
  out: string;
  /** `diff.levels`: a level per rule id that replaces the rule's default in `diff`, `update` and `release`. */
  diffLevels?: LevelOverrides;
  /** The folder of the config file: relative paths are resolved from here. */
  root: string;
}

const DEFAULTS = { pin: 'spec/pin.json', packageName: '@utdk/stripe', out: 'generated' };
const KNOWN = new Set(['$comment', 'spec', 'pin', 'packageName', 'operations', 'resources', 'all', 'out', 'diff']);

export function loadConfig(file: string | undefined, cwd = process.cwd()): SdkgenConfig {
  const configFile = file ? path.resolve(cwd, file) : path.join(cwd, 'sdkgen.config.json');
  if (!fs.existsSync(configFile)) {
    if (file) throw new SdkgenError('config file not found', { where: configFile });
    return { ...DEFAULTS, root: cwd };
  }
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(fs.readFileSync(configFile, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new SdkgenError(`config is not valid JSON: ${(error as Error).message}`, { where: configFile });
  }
  for (const key of Object.keys(raw)) {
    if (!KNOWN.has(key)) throw new SdkgenError(`unknown config field '${key}'`, { where: configFile, hint: `known fields: ${[...KNOWN].join(', ')}` });
  }
  const list = (key: string) => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw new SdkgenError(`'${key}' must be a list of strings`, { where: configFile });
    }
    // An empty list would select every operation: say "all": true for that.
    if (value.length === 0) throw new SdkgenError(`'${key}' is empty`, { where: configFile, hint: `name at least one, or remove '${key}' and set "all": true for the whole API` });
    return value as string[];
  };
  const text = (key: string, fallback?: string) => {
    const value = raw[key] ?? fallback;
    if (value !== undefined && typeof value !== 'string') throw new SdkgenError(`'${key}' must be a string`, { where: configFile });
    return value as string | undefined;
  };
  const root = path.dirname(configFile);
  const operations = list('operations');
  const resources = list('resources');
  if (raw.all === true && (operations || resources)) {
    throw new SdkgenError(`"all": true cannot be combined with '${operations ? 'operations' : 'resources'}'`, { where: configFile, hint: 'keep one way of choosing the operations' });
  }
  return {
    spec: text('spec'),
    pin: text('pin', DEFAULTS.pin)!,
    packageName: text('packageName', DEFAULTS.packageName)!,
    operations,
    resources,
    all: raw.all === true,
    out: text('out', DEFAULTS.out)!,
    diffLevels: diffLevels(raw.diff, configFile),
    root,
  };
}

/** `"diff": { "levels": { "response-property-enum-value-added": "breaking" } }`, checked rule by rule. */
function diffLevels(value: unknown, configFile: string): LevelOverrides {
  if (value === undefined) return {};
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value) || Object.keys(value).some((k) => k !== 'levels') || !isObject(value.levels ?? {})) {
    throw new SdkgenError(`'diff' must be { "levels": { "<rule id>": "breaking" | "non-breaking" } }`, { where: configFile });
  }
  const levels: LevelOverrides = {};
  for (const [rule, level] of Object.entries((value.levels ?? {}) as Record<string, unknown>)) {
    if (!isRuleId(rule)) {
      throw new SdkgenError(`unknown diff rule '${rule}' in diff.levels`, { where: configFile, hint: `rules: ${RULE_IDS.join(', ')}` });
    }
    if (level !== 'breaking' && level !== 'non-breaking') {
      throw new SdkgenError(`diff.levels['${rule}'] must be "breaking" or "non-breaking"`, { where: configFile });
    }
    levels[rule] = level;
  }
  return levels;
}
