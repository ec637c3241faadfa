/**
 * Operation functions, made from their endpoints. Each generated operation is a const initialized
 * here and typed by its declaration (`OperationFunction<...>`), which is the contract the tests hold
 * every operation to; so no function body per operation is written, or checked.
 */
import type { BinaryResponse } from './binary.js';
import { type LastResponse, type RequestSpec } from './core.js';
import type { MultipartBody } from './multipart.js';
import type { OperationKind } from './operation-types.js';
/** How an operation's request and response travel, when not as JSON answers to form-encoded requests on the API's host. */
export interface Transfer {
    /** The host it is served from: `https://files.stripe.com`. */
    server?: string;
    /** The params go as `multipart/form-data`: the runtime's `multipartBody`, imported only where an operation uploads. */
    multipart?: (params: object) => MultipartBody;
    /** What a response that is not JSON becomes: the runtime's `binaryResponse`, imported likewise. */
    binary?: (bytes: ArrayBuffer, meta: LastResponse) => BinaryResponse;
}
/**
 * `(core, ...pathParams, params?, options?)` for one endpoint. The path parameters are taken in the
 * order the template names them: `/v1/transfers/{transfer}/reversals/{id}` takes `(transfer, id)`.
 * An operation of kind `'binary'` passes `transfer.binary`.
 */
export declare function operation(method: RequestSpec['method'], template: string, kind: OperationKind, takesParams: boolean, transfer?: Transfer): any;
