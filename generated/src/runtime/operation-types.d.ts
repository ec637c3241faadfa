/**
 * The type of every operation, written once per operation as `OperationFunction<...>` on its
 * standalone function. The same function is a method of the client (`client.postIdentityVerificationSessions`)
 * and of its resource (`client.identity.verificationSessions.create`): both re-export it under their
 * names, so an editor shows the function's own doc comment on all three call shapes, and the comment
 * is written once. Hence two call signatures: as a method, on a client or resource (`ClientBound`),
 * and standalone, with the transport first.
 *
 * Type arguments, in order:
 * - `Path`: the path parameters, as a labelled tuple (`[session: string]`);
 * - `Params`: the params type, `| undefined` when params are optional, `void` when there are none;
 * - `Returns`: the returned object (a list's or search's item);
 * - `Paths`: what `expand` accepts (`never` when nothing can be expanded);
 * - `Kind`: `'object'`, `'list'` (a page that also iterates across pages), `'search'`, or `'binary'`
 *   (a response that is not JSON, returned as a `BinaryResponse`).
 */
import type { BinaryResponse } from './binary.js';
import type { ClientCore, RequestOptions } from './core.js';
import type { Expand } from './expand.js';
import type { ApiListPromise, ApiSearchResult } from './pagination.js';
export type OperationKind = 'object' | 'list' | 'search' | 'binary';
export interface OperationFunction<Path, Params, Returns, Paths = never, Kind = 'object'> {
    <const E extends Paths[] = []>(this: ClientBound, ...args: Arguments<Path, ParamsArgument<Params, Paths, E>>): Result<Kind, Expanded<Returns, Kind, E>>;
    <const E extends Paths[] = []>(core: ClientCore, ...args: Arguments<Path, ParamsArgument<Params, Paths, E>>): Result<Kind, Expanded<Returns, Kind, E>>;
}
declare const bound: unique symbol;
/**
 * A client or one of its resources, whose transport a method call uses. The mark keeps the method
 * signature from applying where no client is: a function called on its own takes the transport first.
 */
export interface ClientBound {
    readonly [bound]: true;
}
type Arguments<Path, ParamsSlot extends unknown[]> = Path extends unknown[] ? [...Path, ...ParamsSlot, options?: RequestOptions] : never;
type ParamsArgument<Params, Paths, E> = [Params] extends [void] ? [] : undefined extends Params ? [params?: WithExpand<Exclude<Params, undefined>, Paths, E>] : [params: WithExpand<Params, Paths, E>];
type WithExpand<Params, Paths, E> = [Paths] extends [never] ? Params : Params & {
    expand?: E;
};
type Result<Kind, T> = Kind extends 'list' ? ApiListPromise<T> : Kind extends 'search' ? Promise<ApiSearchResult<T>> : Kind extends 'binary' ? Promise<BinaryResponse> : Promise<T>;
/**
 * The result narrowed by the paths the caller listed in place (a tuple, thanks to `const E`). A
 * params value typed as the whole params type (`expand?: ExpandPath[]`) narrows nothing: which of
 * its paths it holds is not known to the type.
 */
type Expanded<T, Kind, E extends unknown[]> = number extends E['length'] ? T : Expand<T, ItemPath<Kind, E[number] & string>>;
type ItemPath<Kind, P extends string> = Kind extends 'object' ? P : P extends `data.${infer Rest}` ? Rest : never;
export {};
