/**
 * Operation functions, made from their endpoints. Each generated operation is a const initialized
 * here and typed by its declaration (`OperationFunction<...>`), which is the contract the tests hold
 * every operation to; so no function body per operation is written, or checked.
 */

import type { BinaryResponse } from './binary.js';
import { encodePathParam, type ClientCore, type LastResponse, type RequestOptions, type RequestSpec } from './core.js';
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
// The return type is the one place `any` stands: the const this initializes declares the real type.
export function operation(method: RequestSpec['method'], template: string, kind: OperationKind, takesParams: boolean, transfer: Transfer = {}): any {
  const parts = template.split(/\{[^}]*\}/);
  const pathParams = parts.length - 1;
  const { server, multipart, binary } = transfer;
  return (core: ClientCore, ...args: unknown[]) => {
    let path = parts[0]!;
    for (let i = 1; i < parts.length; i++) path += encodePathParam(args[i - 1] as string) + parts[i];
    const spec: RequestSpec = {
      method,
      path,
      params: takesParams ? (args[pathParams] as object | undefined) : undefined,
      options: args[takesParams ? pathParams + 1 : pathParams] as RequestOptions | undefined,
      server,
      multipart,
      binary,
    };
    return kind === 'list' ? core.requestList(spec) : core.request(spec);
  };
}
