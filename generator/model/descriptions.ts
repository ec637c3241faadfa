import type { ApiModel, Decl } from './types.js';

/** Every description and summary of the model, once each: operations, path parameters, declarations and their properties. */
export function modelDescriptions(model: ApiModel): Set<string> {
  const found = new Set<string>();
  const add = (text: string | undefined) => {
    if (text) found.add(text);
  };
  const visit = (decl: Decl) => {
    add(decl.description);
    if (decl.body.kind === 'interface') decl.body.properties.forEach((p) => add(p.description));
    decl.children.forEach(visit);
  };
  for (const op of model.operations) {
    add(op.description);
    add(op.summary);
    op.pathParams.forEach((p) => add(p.description));
  }
  model.declarations.forEach(visit);
  return found;
}
