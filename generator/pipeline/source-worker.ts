// Worker entry: prints the outputs that need ts-morph for a model sent by the pipeline's main thread.
// Importing the emitters first thing loads ts-morph (about half a second) while the main thread is
// still parsing the spec and building the model.
import { parentPort } from 'node:worker_threads';
import { emitTsMorphOutputs } from './ts-morph-outputs.js';
import { describeError, type SourceJob, type SourceReply } from './source-emitter.js';

parentPort!.once('message', ({ model, pkg }: SourceJob) => {
  let reply: SourceReply;
  try {
    reply = { files: [...emitTsMorphOutputs(model, pkg)] };
  } catch (error) {
    reply = { error: describeError(error) };
  }
  parentPort!.postMessage(reply);
});
