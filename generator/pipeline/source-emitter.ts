import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SdkgenError } from '../errors.js';
import type { PackageInfo } from '../emit/package/package-files.js';
import type { ApiModel } from '../model/types.js';

/** What the main thread sends: the spec's HTML descriptions, as soon as it is parsed; then the job. */
export type ToWorker = { kind: 'texts'; texts: string[] } | { kind: 'job'; model: ApiModel; pkg: PackageInfo };

interface ErrorDescription {
  message: string;
  stack?: string;
  /** Set when the worker threw an SdkgenError, which the CLI prints without a stack. */
  sdkgen?: { where?: string; hint?: string };
}

/** How long the printing took, and how long the worker, loaded, waited for the model (time won by starting early). */
export interface SourceTimings {
  idle: number;
  print: number;
}

/** What the worker sends, in this order: the descriptions' Markdown, then its files or its error. */
export type SourceMessage =
  | { kind: 'descriptions'; entries: [string, string][] }
  | { kind: 'files'; files: [string, string][]; timings: SourceTimings }
  | { kind: 'error'; error: ErrorDescription };

export interface EmittedSources {
  files: Map<string, string>;
  timings: SourceTimings;
}

export interface SourceRun {
  /** The model's HTML descriptions as Markdown (see `convertHtmlDescriptions`), when another thread made them. */
  descriptions: Promise<[string, string][]>;
  outputs: Promise<EmittedSources>;
}

export interface SourceEmitter {
  /** Descriptions to convert to Markdown before the model comes (see `htmlDescriptionsInSpec`). */
  prefetch(texts: string[]): void;
  emit(model: ApiModel, pkg: PackageInfo): SourceRun;
  /** Stops the worker when no model will be sent (the run failed before the model was built). */
  cancel(): void;
}

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

/**
 * The slow-loading emitters (sources, README, page scripts; see `worker-outputs.ts`), started before
 * the model exists. In the bundled CLI they run on a worker thread: ts-morph loads while the spec is
 * parsed, and the sources print while the main thread renders the docs, so a whole-API run uses two
 * cores. Run from the TypeScript sources (the tests), there is no bundled worker and they run
 * in-process; the output is the same either way.
 */
export function startSourceEmitter(entry = new URL('./source-worker.mjs', import.meta.url)): SourceEmitter {
  if (entry.protocol !== 'file:' || !fs.existsSync(fileURLToPath(entry))) return inProcessEmitter();
  const worker = new Worker(entry);
  // An idle worker must not keep a failed run's process alive.
  worker.unref();
  // A worker that fails before the job (while it prepares) or stops without answering fails the job.
  let stopped: Error | undefined;
  let failJob: ((error: Error) => void) | undefined;
  const stop = (error: Error) => {
    stopped ??= error;
    failJob?.(stopped);
  };
  worker.on('error', stop);
  worker.on('exit', (code) => stop(new Error(`the thread that prints the sources stopped (exit code ${code}) before it answered`)));
  return {
    prefetch(texts) {
      worker.postMessage({ kind: 'texts', texts } satisfies ToWorker);
    },
    emit(model, pkg) {
      let shareDescriptions!: (entries: [string, string][]) => void;
      const descriptions = new Promise<[string, string][]>((resolve) => (shareDescriptions = resolve));
      const outputs = new Promise<EmittedSources>((resolve, reject) => {
        const fail = (error: Error) => {
          shareDescriptions([]);
          reject(error);
        };
        if (stopped) return fail(stopped);
        failJob = fail;
        worker.on('message', (message: SourceMessage) => {
          if (message.kind === 'descriptions') return shareDescriptions(message.entries);
          void worker.terminate();
          if (message.kind === 'files') resolve({ files: new Map(message.files), timings: message.timings });
          else fail(reviveError(message.error));
        });
        worker.ref();
        worker.postMessage({ kind: 'job', model, pkg } satisfies ToWorker);
      });
      return { descriptions, outputs };
    },
    cancel() {
      void worker.terminate();
    },
  };
}

function inProcessEmitter(): SourceEmitter {
  return {
    // Converted when first needed, in this thread's cache.
    prefetch() {},
    emit(model, pkg) {
      const outputs = (async () => {
        const { emitWorkerOutputs } = await import('./worker-outputs.js');
        const start = performance.now();
        const files = emitWorkerOutputs(model, pkg);
        return { files, timings: { idle: 0, print: Math.round(performance.now() - start) } };
      })();
      // One thread, one cache of conversions: nothing to hand over.
      return { descriptions: Promise.resolve([]), outputs };
    },
    cancel() {},
  };
}
