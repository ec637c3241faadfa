import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { SourceReply } from '../../generator/pipeline/source-emitter.js';
import { model, ROOT } from '../support/project.js';
import { emitTsMorphOutputs } from '../../generator/pipeline/ts-morph-outputs.js';

/** The bundled worker the CLI starts, given one job. */
function runWorker(job: unknown): Promise<SourceReply> {
  const worker = new Worker(path.join(ROOT, 'dist/source-worker.mjs'));
  return new Promise<SourceReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(job);
  }).finally(() => worker.terminate());
}

describe('the source worker of the bundled CLI', () => {
  it('prints the same sources and README as the in-process emitters', async () => {
    const built = await model({ operations: ['PostIdentityVerificationSessions'] });
    const pkg = { name: '@acme/one', version: '1.2.3' };
    const reply = await runWorker({ model: built, pkg });
    expect('files' in reply && new Map(reply.files)).toEqual(emitTsMorphOutputs(built, pkg));
  });

  it('answers an emitter failure with the error, its kind and its place, not a hang', async () => {
    const built = await model({ operations: ['PostIdentityVerificationSessions'] });
    const reply = await runWorker({ model: built, pkg: { name: 'Not A Name', version: '1.0.0' } });
    expect(reply).toMatchObject({ error: { message: "'Not A Name' is not a valid npm package name", sdkgen: { where: 'packageName' } } });
  });
});
