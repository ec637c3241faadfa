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
export {};
