// Worker entry: makes the outputs of the slow-loading emitters for a model sent by the pipeline's
// main thread. Its imports load ts-morph (about half a second) and it prepares what needs no model
// while the main thread is still parsing the spec and building the model.
import { parentPort } from 'node:worker_threads';
import { convertHtmlDescriptions } from './model-descriptions.js';
import { describeError, type SourceJob, type SourceMessage } from './source-emitter.js';
import { emitWorkerOutputs, prepareWorkerOutputs } from './worker-outputs.js';

prepareWorkerOutputs();
const ready = performance.now();

const send = (message: SourceMessage) => parentPort!.postMessage(message);

parentPort!.once('message', ({ model, pkg }: SourceJob) => {
  const start = performance.now();
  try {
    // First the descriptions' Markdown, which the main thread's Markdown docs need too.
    send({ kind: 'descriptions', entries: convertHtmlDescriptions(model) });
    const files = [...emitWorkerOutputs(model, pkg)];
    send({ kind: 'files', files, timings: { idle: Math.round(start - ready), print: Math.round(performance.now() - start) } });
  } catch (error) {
    send({ kind: 'error', error: describeError(error) });
  }
});
