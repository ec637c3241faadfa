import ts from 'typescript';

/** One difference between two types, at a dotted field path. */
export interface TypeDifference {
  path: string;
  ours: string;
  theirs: string;
}

/**
 * Compares two types field by field with the TypeScript checker: the same property names, the same
 * optionality, and property types of the same shape (literal members, primitives, null, arrays,
 * index signatures, nested objects, recursively). Names of declarations do not matter, shapes do.
 */
export function compareTypes(
  checker: ts.TypeChecker,
  ours: ts.Type,
  theirs: ts.Type,
  root: string,
  stats?: { fields: number },
  options: { intoResources?: boolean } = {},
): TypeDifference[] {
  const differences: TypeDifference[] = [];
  const seen = new Set<string>();
  const visit = (a: ts.Type, b: ts.Type, path: string, depth: number): void => {
    const key = `${typeId(a)}:${typeId(b)}`;
    if (seen.has(key) || depth > 12) return;
    seen.add(key);
    const sa = summary(checker, a);
    const sb = summary(checker, b);
    if (sa.scalar !== sb.scalar) differences.push({ path, ours: sa.scalar, theirs: sb.scalar });
    if (sa.array && sb.array) visit(sa.array, sb.array, `${path}[]`, depth + 1);
    if (sa.index && sb.index) visit(sa.index, sb.index, `${path}[key]`, depth + 1);
    // Another API resource (it has an `object` tag) is compared as a pair of its own when asked.
    const isResource = (t: ts.Type) => checker.getPropertiesOfType(t).some((p) => p.name === 'object' && (checker.getTypeOfSymbol(p).flags & ts.TypeFlags.StringLiteral) !== 0);
    if (sa.object && sb.object && (depth === 0 || options.intoResources !== false || !(isResource(sa.object) && isResource(sb.object)))) {
      const pa = new Map(checker.getPropertiesOfType(sa.object).map((p) => [p.name, p]));
      const pb = new Map(checker.getPropertiesOfType(sb.object).map((p) => [p.name, p]));
      for (const name of [...new Set([...pa.keys(), ...pb.keys()])].sort()) {
        const x = pa.get(name);
        const y = pb.get(name);
        const at = `${path}.${name}`;
        if (stats) stats.fields++;
        if (!x || !y) {
          differences.push({ path: at, ours: x ? 'present' : 'missing', theirs: y ? 'present' : 'missing' });
          continue;
        }
        const ox = (x.flags & ts.SymbolFlags.Optional) !== 0;
        const oy = (y.flags & ts.SymbolFlags.Optional) !== 0;
        if (ox !== oy) differences.push({ path: at, ours: ox ? 'optional' : 'required', theirs: oy ? 'optional' : 'required' });
        visit(propertyType(checker, x), propertyType(checker, y), at, depth + 1);
      }
    }
  };
  visit(ours, theirs, root, 0);
  return differences;
}

function typeId(type: ts.Type): number {
  return (type as unknown as { id: number }).id;
}

function propertyType(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Type {
  const type = checker.getTypeOfSymbol(symbol);
  // Optional properties carry `| undefined`; optionality is compared separately.
  return checker.getNonNullableType(type) === type ? type : removeUndefined(checker, type);
}

function removeUndefined(checker: ts.TypeChecker, type: ts.Type): ts.Type {
  if (!type.isUnion()) return type;
  const kept = type.types.filter((t) => (t.flags & ts.TypeFlags.Undefined) === 0);
  return kept.length === type.types.length ? type : (checker as unknown as { getUnionType(types: ts.Type[]): ts.Type }).getUnionType(kept);
}

interface Summary {
  /** Every non-object member, sorted: literals, primitives, null, `object` and `array` markers. */
  scalar: string;
  object?: ts.Type;
  array?: ts.Type;
  index?: ts.Type;
}

function summary(checker: ts.TypeChecker, type: ts.Type): Summary {
  const members = type.isUnion() ? type.types : [type];
  const scalars: string[] = [];
  const out: Summary = { scalar: '' };
  const objects: ts.Type[] = [];
  for (const member of members) {
    if (member.flags & ts.TypeFlags.Undefined) continue;
    if (checker.isArrayType(member)) {
      scalars.push('array');
      out.array = checker.getTypeArguments(member as ts.TypeReference)[0];
    } else if (member.flags & ts.TypeFlags.Object) {
      const index = checker.getIndexInfoOfType(member, ts.IndexKind.String);
      if (index && checker.getPropertiesOfType(member).length === 0) {
        scalars.push('map');
        out.index = index.type;
      } else {
        scalars.push('object');
        objects.push(member);
      }
    } else {
      scalars.push(checker.typeToString(member));
    }
  }
  if (objects.length === 1) out.object = objects[0];
  else if (objects.length > 1) scalars.push(`(${objects.length} object members)`);
  out.scalar = [...new Set(scalars)].sort().join(' | ');
  return out;
}
