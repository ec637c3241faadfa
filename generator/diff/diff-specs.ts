import { SdkgenError } from '../errors.js';
import { loadSpec, type LoadedSpec } from '../load/load-spec.js';
import { buildModel } from '../model/build-model.js';
import type { Selection } from '../model/select-operations.js';
import type { ApiModel } from '../model/types.js';
import { diffModels, type DiffOptions } from './diff-models.js';
import type { DiffResult } from './types.js';

export interface SpecSource {
  /** A path or URL; absent means the project's pinned spec. */
  spec?: string;
  pinFile: string;
  projectRoot: string;
}

/** Loads both specs (files, URLs or the pin) and diffs their models. */
export async function diffSpecs(before: SpecSource, after: SpecSource, selection: Selection = {}, options: DiffOptions = {}): Promise<DiffResult> {
  const [a, b] = await Promise.all([loadSpec(before), loadSpec(after)]);
  return diffLoaded(a, b, selection, options);
}

/**
 * Diffs two loaded specs. With no selection every operation and every resource type is compared (only
 * the types operations reach with `allResourceTypes: false`, as `generate` without `--all` builds); with
 * a selection, what the selected operations reach. A selected operation or resource present in only one
 * spec is an addition or a removal, not an error; one in neither is.
 */
export function diffLoaded(
  before: LoadedSpec,
  after: LoadedSpec,
  selection: Selection = {},
  options: DiffOptions & { allResourceTypes?: boolean } = {},
): DiffResult {
  const selected = Boolean(selection.operations?.length || selection.resources?.length);
  const all = options.allResourceTypes ?? true;
  const models: [ApiModel, ApiModel] = selected ? selectedModels(before, after, selection) : [whole(before, all), whole(after, all)];
  return diffModels(
    { model: models[0], document: before.document, origin: before.origin },
    { model: models[1], document: after.document, origin: after.origin },
    options,
  );
}

function whole(spec: LoadedSpec, allResourceTypes: boolean): ApiModel {
  return buildModel(spec.document, { specSha256: spec.sha256, allResourceTypes });
}

function selectedModels(before: LoadedSpec, after: LoadedSpec, selection: Selection): [ApiModel, ApiModel] {
  const known = (spec: LoadedSpec) => ({
    operations: (selection.operations ?? []).filter((id) => builds(spec, { operations: [id] })),
    resources: (selection.resources ?? []).filter((name) => builds(spec, { resources: [name] })),
  });
  const [a, b] = [known(before), known(after)];
  for (const key of ['operations', 'resources'] as const) {
    for (const name of selection[key] ?? []) {
      if (!a[key].includes(name) && !b[key].includes(name)) buildModel(after.document, { specSha256: after.sha256, [key]: [name] });
    }
  }
  return [selectedModel(before, a), selectedModel(after, b)];
}

function selectedModel(spec: LoadedSpec, selection: Required<Selection>): ApiModel {
  if (selection.operations.length === 0 && selection.resources.length === 0) {
    // Nothing selected exists in this spec: an empty model (an empty selection would mean everything).
    const info = spec.document.info;
    return { title: info?.title ?? 'API', apiVersion: String(info?.version ?? ''), specSha256: spec.sha256, selection: { all: false }, serverUrl: '', operations: [], declarations: [], resources: [] };
  }
  return buildModel(spec.document, { specSha256: spec.sha256, ...selection });
}

function builds(spec: LoadedSpec, selection: Selection): boolean {
  try {
    buildModel(spec.document, { specSha256: spec.sha256, ...selection });
    return true;
  } catch (error) {
    if (error instanceof SdkgenError && (error.where === '--operations' || error.where === '--resources')) return false;
    throw error;
  }
}
