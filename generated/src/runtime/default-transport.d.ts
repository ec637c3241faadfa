/**
 * The transport a client uses when its config names none. On Node (and runtimes that are Node to
 * the core, such as Bun and Deno) it is `nodeFetch()`: Node's built-in fetch costs several times
 * more CPU per call than `node:http`. Everywhere else, and on edge runtimes that only imitate Node,
 * it is the platform's own `fetch`.
 */
import type { FetchLike } from './fetch-types.js';
export declare function defaultTransport(): FetchLike | undefined;
