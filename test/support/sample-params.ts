import type { Decl, TypeExpr } from '../../generator/model/types.js';

/**
 * Params values made from a params declaration of the model: every required field, and about half
 * of the optional ones, with nested objects, arrays, metadata, `''` for emptyable fields now and
 * then, and `expand` paths. Reproducible for a given random source.
 */
export class ParamsSampler {
  constructor(
    private readonly index: Map<string, Decl>,
    private readonly random: () => number,
  ) {}

  params(decl: Decl): Record<string, unknown> {
    return this.object(decl, 0);
  }

  private object(decl: Decl, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (decl.body.kind !== 'interface') return out;
    for (const property of decl.body.properties) {
      // Deep down, only what is required: the sample stays small and still reaches every level.
      if (property.optional && (depth > 2 || this.random() < 0.5)) continue;
      const value = this.value(property.type, property.name, depth + 1);
      if (value !== undefined) out[property.name] = value;
    }
    if (decl.body.additional && Object.keys(out).length === 0) out.extra_key = this.value(decl.body.additional, 'extra', depth + 1);
    return out;
  }

  value(type: TypeExpr, name: string, depth: number): unknown {
    switch (type.kind) {
      case 'primitive':
        return type.name === 'number' ? 1 + Math.floor(this.random() * 1000) : type.name === 'boolean' ? this.random() < 0.5 : `${name}_${Math.floor(this.random() * 100)} x`;
      case 'literal':
        return type.value;
      case 'null':
        return undefined;
      case 'array': {
        const first = this.value(type.items, name, depth);
        return this.random() < 0.3 ? [first, this.value(type.items, name, depth)] : [first];
      }
      case 'map':
        return { key_a: this.value(type.values, name, depth) };
      case 'union': {
        const members = type.members.filter((m) => m.kind !== 'null');
        return this.value(members[Math.floor(this.random() * members.length)]!, name, depth);
      }
      case 'emptyable':
        return this.random() < 0.25 ? '' : this.value(type.inner, name, depth);
      case 'shared':
        switch (type.name) {
          case 'Metadata':
          case 'MetadataParam':
            return { order_id: '6735', 'note [x]': 'a&b=c' };
          case 'RangeQueryParam':
            return { gte: 1_600_000_000, lt: 1_700_000_000 };
          case 'FileUpload':
            return { data: new TextEncoder().encode('%PDF-1.4 sample'), name: 'evidence.pdf', type: 'application/pdf' };
        }
        return undefined;
      case 'ref': {
        const decl = this.index.get(type.id);
        if (!decl) throw new Error(`no declaration ${type.id}`);
        return decl.body.kind === 'alias' ? this.value(decl.body.type, name, depth) : this.object(decl, depth);
      }
    }
  }
}
