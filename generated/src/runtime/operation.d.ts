/**
 * Operation functions, made from their endpoints. Each generated operation is a const initialized
 * here and typed by its declaration (`OperationFunction<...>`), which is the contract the tests hold
 * every operation to; so no function body per operation is written, or checked.
 */
import { type RequestSpec } from './core.js';
import type { OperationKind } from './operation-types.js';
/**
 * `(core, ...pathParams, params?, options?)` for one endpoint. The template holds, for each path
 * parameter, its position among the arguments: `/v1/sources/{1}/mandate_notifications/{0}`.
 */
export declare function operation(method: RequestSpec['method'], template: string, kind: OperationKind, takesParams: boolean): any;
