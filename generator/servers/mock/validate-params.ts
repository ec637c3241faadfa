import type { Decl, Property, TypeExpr } from '../../model/types.js';
import { paramName, type FormObject, type FormValue } from './form-decode.js';

/**
 * A parameter error as Stripe reports it. Codes: `parameter_unknown`, `parameter_missing`,
 * `parameter_invalid_empty` (an empty string for a field that cannot be unset), and
 * `parameter_invalid_<kind>` for a value of the wrong kind: `string` (also a value outside an enum),
 * `integer`, `number`, `boolean`, `array`, `hash` (Stripe's word for an object).
 */
export interface ParamProblem {
  code: string;
  param: string;
  message: string;
}

/** Checks decoded params against an operation's params declaration, as Stripe does, first problem wins. */
export class ParamValidator {
  /** Each declaration's fields by name, made on first use: a request checks a few dozen of them. */
  private readonly byName = new WeakMap<Property[], Map<string, Property>>();

  constructor(private readonly index: Map<string, Decl>) {}

  validate(decl: Decl | undefined, input: FormObject): ParamProblem | undefined {
    if (!decl || decl.body.kind !== 'interface') {
      const first = Object.keys(input)[0];
      return first === undefined ? undefined : unknown([first]);
    }
    return this.object(decl.body.properties, decl.body.additional, input, []);
  }

  private object(properties: Property[], additional: TypeExpr | undefined, value: FormObject, path: string[]): ParamProblem | undefined {
    let byName = this.byName.get(properties);
    if (!byName) this.byName.set(properties, (byName = new Map(properties.map((p) => [p.name, p]))));
    for (const key of Object.keys(value)) {
      const property = byName.get(key);
      if (!property && !additional) return unknown([...path, key]);
      const problem = property
        ? this.check(property.type, value[key]!, [...path, key], property.integer === true)
        : this.check(additional!, value[key]!, [...path, key], false);
      if (problem) return problem;
    }
    for (const property of properties) {
      if (!property.optional && !(property.name in value)) {
        const param = paramName([...path, property.name]);
        return { code: 'parameter_missing', param, message: `Missing required param: ${param}.` };
      }
    }
    return undefined;
  }

  private check(expr: TypeExpr, value: FormValue, path: string[], integer: boolean): ParamProblem | undefined {
    if (value === '' && acceptsEmpty(expr, this.index)) return undefined;
    if (value === '' && expr.kind !== 'union') return empty(path);
    switch (expr.kind) {
      case 'primitive':
        return this.primitive(expr.name, value, path, integer);
      case 'literal':
        return typeof value === 'string' && value === String(expr.value) ? undefined : oneOf([expr.value], value, path);
      case 'null':
        return invalid('string', path, value, 'an empty string (null)');
      case 'emptyable':
        return this.check(expr.inner, value, path, integer);
      case 'array':
        if (typeof value === 'string' || Object.keys(value).some((k) => !/^\d+$/.test(k))) return invalid('array', path, value, 'an array');
        for (const key of Object.keys(value)) {
          const problem = this.check(expr.items, value[key]!, [...path, key], integer);
          if (problem) return problem;
        }
        return undefined;
      case 'map':
        return this.map(expr.values, value, path);
      case 'shared':
        if (expr.name === 'RangeQueryParam') {
          // Timestamps: `created[gte]=1690000000`.
          if (typeof value === 'string') return this.primitive('number', value, path, true);
          for (const key of Object.keys(value)) {
            if (!['gt', 'gte', 'lt', 'lte'].includes(key)) return unknown([...path, key]);
            const problem = this.check({ kind: 'primitive', name: 'number' }, value[key]!, [...path, key], true);
            if (problem) return problem;
          }
          return undefined;
        }
        return this.map({ kind: 'primitive', name: 'string' }, value, path);
      case 'union':
        return this.union(expr.members, value, path, integer);
      case 'ref': {
        const decl = this.index.get(expr.id);
        if (!decl) return undefined;
        if (decl.body.kind === 'alias') return this.check(decl.body.type, value, path, integer);
        if (typeof value === 'string') return invalid('hash', path, value, 'a hash');
        return this.object(decl.body.properties, decl.body.additional, value, path);
      }
    }
  }

  private primitive(name: 'string' | 'number' | 'boolean' | 'unknown', value: FormValue, path: string[], integer: boolean): ParamProblem | undefined {
    if (name === 'unknown') return undefined;
    if (typeof value !== 'string') return invalid(name === 'number' ? (integer ? 'integer' : 'number') : name, path, value, `a ${name}`);
    if (name === 'number') {
      const ok = integer ? /^-?\d+$/.test(value) : /^-?(\d+(\.\d*)?|\.\d+)$/.test(value);
      return ok ? undefined : invalid(integer ? 'integer' : 'number', path, value);
    }
    if (name === 'boolean') return value === 'true' || value === 'false' ? undefined : invalid('boolean', path, value);
    return undefined;
  }

  private map(values: TypeExpr, value: FormValue, path: string[]): ParamProblem | undefined {
    if (typeof value === 'string') return invalid('hash', path, value, 'a hash');
    for (const key of Object.keys(value)) {
      // `metadata[key]=` unsets that key, as Stripe takes it.
      if (value[key] === '') continue;
      const problem = this.check(values, value[key]!, [...path, key], false);
      if (problem) return problem;
    }
    return undefined;
  }

  /** Fine if any member takes the value; otherwise the problem the closest-shaped member reports. */
  private union(members: TypeExpr[], value: FormValue, path: string[], integer: boolean): ParamProblem | undefined {
    const literals = members.filter((m): m is Extract<TypeExpr, { kind: 'literal' }> => m.kind === 'literal');
    if (literals.length === members.filter((m) => m.kind !== 'null').length && typeof value === 'string' && value !== '') {
      return literals.some((l) => String(l.value) === value) ? undefined : oneOf(literals.map((l) => l.value), value, path);
    }
    const problems = members.map((m) => this.check(m, value, path, integer));
    if (problems.some((p) => p === undefined)) return undefined;
    const wantsObject = typeof value !== 'string';
    const closest = members.findIndex((m) => isStructured(m, this.index) === wantsObject);
    return problems[closest === -1 ? 0 : closest];
  }
}

function acceptsEmpty(expr: TypeExpr, index: Map<string, Decl>): boolean {
  if (expr.kind === 'emptyable' || expr.kind === 'null') return true;
  if (expr.kind === 'union') return expr.members.some((m) => acceptsEmpty(m, index));
  if (expr.kind === 'literal') return expr.value === '';
  if (expr.kind === 'ref') {
    const decl = index.get(expr.id);
    return decl?.body.kind === 'alias' ? acceptsEmpty(decl.body.type, index) : false;
  }
  return false;
}

function isStructured(expr: TypeExpr, index: Map<string, Decl>): boolean {
  if (expr.kind === 'array' || expr.kind === 'map' || expr.kind === 'shared') return true;
  if (expr.kind === 'emptyable') return isStructured(expr.inner, index);
  if (expr.kind === 'ref') {
    const decl = index.get(expr.id);
    return decl?.body.kind === 'alias' ? isStructured(decl.body.type, index) : true;
  }
  return false;
}

function unknown(path: string[]): ParamProblem {
  const param = paramName(path);
  return { code: 'parameter_unknown', param, message: `Received unknown parameter: ${param}` };
}

function empty(path: string[]): ParamProblem {
  const param = paramName(path);
  return {
    code: 'parameter_invalid_empty',
    param,
    message: `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
  };
}

function invalid(kind: string, path: string[], value: FormValue, expected?: string): ParamProblem {
  const param = paramName(path);
  const shown = typeof value === 'string' ? value : 'a hash';
  return {
    code: `parameter_invalid_${kind}`,
    param,
    message: expected ? `Invalid ${kind} for ${param}: expected ${expected}, got ${shown}.` : `Invalid ${kind}: ${shown}`,
  };
}

function oneOf(values: (string | number | boolean)[], value: FormValue, path: string[]): ParamProblem {
  const param = paramName(path);
  const names = values.map(String);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
  return {
    code: 'parameter_invalid_string',
    param,
    message: `Invalid ${param}: must be one of ${list}${typeof value === 'string' ? ` (got ${JSON.stringify(value)})` : ''}`,
  };
}
