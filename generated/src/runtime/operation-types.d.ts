/**
 * The type of every operation, written once per operation as `OperationFunction<...>` on its
 * standalone function; the methods of the client and its resources take the same type without the
 * transport (`OperationMethod`), mapped from their method tables. So the checker reads one
 * signature per operation, and editors show each method's parameters by name.
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
    <const E extends Paths[] = []>(core: ClientCore, ...args: Arguments<Path, ParamsArgument<Params, Paths, E>>): Result<Kind, Expanded<Returns, Kind, E>>;
}
export interface OperationMethod<Path, Params, Returns, Paths = never, Kind = 'object'> {
    <const E extends Paths[] = []>(...args: Arguments<Path, ParamsArgument<Params, Paths, E>>): Result<Kind, Expanded<Returns, Kind, E>>;
}
/** A method table's functions as methods: the same signatures, without the transport. */
export type MethodsOf<Table> = {
    readonly [Name in keyof Table]: MethodOf<Table[Name]>;
};
type MethodOf<F> = F extends OperationFunction<infer Path, infer Params, infer Returns, infer Paths, infer Kind> ? OperationMethod<Path, Params, Returns, Paths, Kind> : never;
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
