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
export {};
