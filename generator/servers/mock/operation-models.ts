import type { OpenApiDocument } from '../../load/openapi-types.js';
import { buildModel } from '../../model/build-model.js';
import { indexDecls } from '../../model/decl-index.js';
import type { Decl, Operation } from '../../model/types.js';

export interface OperationModel {
  op: Operation;
  index: Map<string, Decl>;
}

/**
 * The model, one operation at a time, built the first time that operation is called and kept.
 * The whole model of the Stripe spec takes about half a second to build; one operation takes a
 * few tens of milliseconds, so the mock starts at once and pays only for what is used.
 */
export class OperationModels {
  private readonly built = new Map<string, OperationModel>();

  constructor(
    private readonly document: OpenApiDocument,
    private readonly specSha256: string,
  ) {}

  get(id: string): OperationModel {
    let entry = this.built.get(id);
    if (!entry) {
      const model = buildModel(this.document, { specSha256: this.specSha256, operations: [id] });
      entry = { op: model.operations[0]!, index: indexDecls(model) };
      this.built.set(id, entry);
    }
    return entry;
  }
}
