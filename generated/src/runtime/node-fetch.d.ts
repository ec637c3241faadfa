/**
 * An optional transport for Node: `node:http`/`node:https` with keep-alive agents, answering the
 * `FetchLike` contract. Node's built-in fetch (undici) costs several times more per call than
 * `node:http` for small JSON requests; this closes that gap. The core never imports this file, so
 * browser and edge bundles do not carry it: pass `fetch: nodeFetch()` in the client config.
 */
import type { FetchLike } from './fetch-types.js';
/** A `FetchLike` over node:http(s), with one keep-alive agent per protocol for this transport. */
export declare function nodeFetch(): FetchLike;
