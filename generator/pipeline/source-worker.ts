// Worker entry: makes the outputs of the slow-loading emitters for a model sent by the pipeline's
// main thread. Its imports load ts-morph (about half a second) and it prepares what needs no model
// while the main thread is still parsing the spec and building the model.
import { parentPort } from 'node:worker_threads';
import { convertHtmlDescriptions } from './model-descriptions.js';
import { descriptionMarkdown } from '../text/descriptions.js';
import { describeError, type SourceMessage, type ToWorker } from './source-emitter.js';
import { emitWorkerOutputs, prepareWorkerOutputs } from './worker-outputs.js';

prepareWorkerOutputs();
let ready = performance.now();

const send = (message: SourceMessage) => parentPort!.postMessage(message);

parentPort!.on('message', (message: ToWorker) => {
  if (message.kind === 'texts') {
    // The spec's HTML descriptions, while the main thread builds the model: converted (and cached) now.
    message.texts.forEach((text) => descriptionMarkdown(text));
    ready = performance.now();
    return;
  }
  const { model, pkg } = message;
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
