import { describe, expect, it } from 'vitest';
import { indexDecls } from '../../generator/model/decl-index.js';
import { fakeResponse } from '../../generator/servers/mock/fake-object.js';
import { decodeForm } from '../../generator/servers/mock/form-decode.js';
import { specRoutes } from '../../generator/servers/mock/spec-operations.js';
import { ParamValidator } from '../../generator/servers/mock/validate-params.js';
import { model, spec } from '../support/project.js';

describe('sdkgen mock on every operation of the pinned spec', () => {
  it('routes the model\'s operations, checks an empty request and answers each with the right object', async () => {
    const loaded = await spec();
    const api = await model({});
    const index = indexDecls(api);
    expect(specRoutes(loaded.document).map((r) => `${r.method} ${r.path} ${r.id}`).sort()).toEqual(api.operations.map((op) => `${op.method} ${op.path} ${op.id}`).sort());
    const validator = new ParamValidator(index, loaded.document);
    let checked = 0;
    for (const op of api.operations) {
      const problem = validator.validate(op.params?.decl, decodeForm(''));
      if (problem) expect(problem.code, op.id).toBe('parameter_missing');
      else expect(op.params?.required ?? false, op.id).toBe(false);
      const pathValues = Object.fromEntries(op.pathParams.map((p) => [p.name, `${p.name}_1`]));
      const answer = fakeResponse({ op, index, params: decodeForm(''), pathValues, seed: op.id }) as Record<string, unknown>;
      expect(JSON.parse(JSON.stringify(answer)), op.id).toEqual(answer);
      if (op.response.kind === 'list') expect(answer.object, op.id).toBe('list');
      checked++;
    }
    expect(checked).toBe(api.operations.length);
  });
});
