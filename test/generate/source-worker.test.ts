import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startSourceEmitter, type SourceMessage } from '../../generator/pipeline/source-emitter.js';
import { convertHtmlDescriptions } from '../../generator/pipeline/model-descriptions.js';
import { emitWorkerOutputs } from '../../generator/pipeline/worker-outputs.js';
import { model, ROOT, tempDir } from '../support/project.js';

/** The bundled worker the CLI starts, given what the main thread sends: every message it answers, up to its last. */
function runWorker(...sent: unknown[]): Promise<SourceMessage[]> {
  const worker = new Worker(path.join(ROOT, 'dist/source-worker.mjs'));
  const messages: SourceMessage[] = [];
  return new Promise<SourceMessage[]>((resolve, reject) => {
    worker.on('message', (message: SourceMessage) => {
      messages.push(message);
      if (message.kind !== 'descriptions') resolve(messages);
    });
    worker.once('error', reject);
    for (const message of sent) worker.postMessage(message);
  }).finally(() => worker.terminate());
}

describe('the source worker of the bundled CLI', () => {
  it('hands over the converted descriptions, then the same files as the in-process emitters', async () => {
    const built = await model({ resources: ['identity.verification_sessions'] });
    const pkg = { name: '@acme/one', version: '1.2.3' };
    const [descriptions, files, ...rest] = await runWorker({ kind: 'job', model: built, pkg });
    expect(rest).toEqual([]);
    expect(descriptions).toEqual({ kind: 'descriptions', entries: convertHtmlDescriptions(built) });
    // The session's operation descriptions are HTML: there is something to hand over.
    expect(descriptions?.kind === 'descriptions' && descriptions.entries.length).toBeGreaterThan(3);
    expect(files?.kind === 'files' && new Map(files.files)).toEqual(emitWorkerOutputs(built, pkg));
  });

  it('converts the descriptions sent ahead of the model, and answers the job the same', async () => {
    const built = await model({ resources: ['identity.verification_sessions'] });
    const pkg = { name: '@acme/one', version: '1.2.3' };
    const texts = [...new Set(convertHtmlDescriptions(built).map(([text]) => text))];
    const [descriptions, files] = await runWorker({ kind: 'texts', texts }, { kind: 'job', model: built, pkg });
    expect(descriptions).toEqual({ kind: 'descriptions', entries: convertHtmlDescriptions(built) });
    expect(files?.kind === 'files' && new Map(files.files)).toEqual(emitWorkerOutputs(built, pkg));
  });

  it('answers an emitter failure with the error, its kind and its place, not a hang', async () => {
    const built = await model({ operations: ['PostIdentityVerificationSessions'] });
    const messages = await runWorker({ kind: 'job', model: built, pkg: { name: 'Not A Name', version: '1.0.0' } });
    expect(messages.at(-1)).toMatchObject({ kind: 'error', error: { message: "'Not A Name' is not a valid npm package name", sdkgen: { where: 'packageName' } } });
  });
});

describe('the spec descriptions sent ahead', () => {
  it('are every description of the document that holds HTML, once each, found at any depth', async () => {
    const { htmlDescriptionsInSpec } = await import('../../generator/pipeline/model-descriptions.js');
    const document = {
      paths: { '/a': { post: { description: '<p>Creates.</p>', parameters: [{ description: 'plain' }] } } },
      components: { schemas: { a: { description: '<p>Creates.</p>', properties: { description: { type: 'string', description: 'A &amp; B' } } } } },
    };
    expect(htmlDescriptionsInSpec(document)).toEqual(['<p>Creates.</p>', 'A &amp; B']);
  });
});

describe('a source worker that fails', () => {
  const worker = (body: string) => {
    const file = path.join(tempDir('bad-worker'), 'worker.mjs');
    fs.writeFileSync(file, body);
    return pathToFileURL(file);
  };

  it('fails the run with what happened when it throws before the job, instead of crashing or hanging', async () => {
    const emitter = startSourceEmitter(worker("throw new Error('could not load ts-morph');\n"));
    const built = await model({ operations: ['PostIdentityVerificationSessions'] });
    const run = emitter.emit(built, { name: '@acme/one', version: '1.0.0' });
    await expect(run.outputs).rejects.toThrow('could not load ts-morph');
    await expect(run.descriptions).resolves.toEqual([]);
  });

  it('fails the run when it stops without answering', async () => {
    const emitter = startSourceEmitter(worker("import { parentPort } from 'node:worker_threads';\nparentPort.once('message', () => process.exit(3));\n"));
    const built = await model({ operations: ['PostIdentityVerificationSessions'] });
    await expect(emitter.emit(built, { name: '@acme/one', version: '1.0.0' }).outputs).rejects.toThrow(/stopped \(exit code 3\) before it answered/);
  });
});
