import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SdkgenError } from '../errors.js';
import type { PackageInfo } from '../emit/package/package-files.js';
import type { ApiModel } from '../model/types.js';

export interface SourceJob {
  model: ApiModel;
  pkg: PackageInfo;
}

interface ErrorDescription {
  message: string;
  stack?: string;
  /** Set when the worker threw an SdkgenError, which the CLI prints without a stack. */
  sdkgen?: { where?: string; hint?: string };
}

export type SourceReply = { files: [string, string][] } | { error: ErrorDescription };

/** An error as it crosses the thread boundary, which keeps neither its class nor its fields. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof SdkgenError) return { message: error.message, stack: error.stack, sdkgen: { where: error.where, hint: error.hint } };
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}

function reviveError({ message, stack, sdkgen }: ErrorDescription): Error {
  const error = sdkgen ? new SdkgenError(message, sdkgen) : new Error(message);
  if (stack) error.stack = stack;
  return error;
}

export interface SourceEmitter {
  emit(model: ApiModel, pkg: PackageInfo): Promise<Map<string, string>>;
  /** Stops the worker when no model will be sent (the run failed before the model was built). */
  cancel(): void;
}

/**
 * The emitters that need ts-morph (sources and README), started before the model exists. In the
 * bundled CLI they run on a worker thread: ts-morph loads while the spec is parsed, and the sources
 * print while the main thread renders the docs, so a whole-API run uses two cores. Run from the TypeScript sources (the
 * tests), there is no bundled worker and it runs in-process; the output is the same either way.
 */
export function startSourceEmitter(): SourceEmitter {
  const entry = new URL('./source-worker.mjs', import.meta.url);
  if (entry.protocol !== 'file:' || !fs.existsSync(fileURLToPath(entry))) return inProcessEmitter();
  const worker = new Worker(entry);
  // An idle worker must not keep a failed run's process alive.
  worker.unref();
  return {
    emit(model, pkg) {
      return new Promise((resolve, reject) => {
        worker.once('error', reject);
        worker.once('message', (reply: SourceReply) => {
          void worker.terminate();
          if ('files' in reply) return resolve(new Map(reply.files));
          reject(reviveError(reply.error));
        });
        worker.ref();
        worker.postMessage({ model, pkg } satisfies SourceJob);
      });
    },
    cancel() {
      void worker.terminate();
    },
  };
}

function inProcessEmitter(): SourceEmitter {
  return {
    async emit(model, pkg) {
      const { emitTsMorphOutputs } = await import('./ts-morph-outputs.js');
      return emitTsMorphOutputs(model, pkg);
    },
    cancel() {},
  };
}
