import type { ApiModel, Decl } from './types.js';

/** Every declaration of the model by id, nested ones included. */
export function indexDecls(model: Pick<ApiModel, 'declarations'>): Map<string, Decl> {
  const index = new Map<string, Decl>();
  const visit = (decl: Decl) => {
    index.set(decl.id, decl);
    decl.children.forEach(visit);
  };
  model.declarations.forEach(visit);
  return index;
}
