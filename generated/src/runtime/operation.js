/**
 * Operation functions, made from their endpoints. Each generated operation is a const initialized
 * here and typed by its declaration (`OperationFunction<...>`), which is the contract the tests hold
 * every operation to; so no function body per operation is written, or checked.
 */
import { encodePathParam } from './core.js';
/**
 * `(core, ...pathParams, params?, options?)` for one endpoint. The path parameters are taken in the
 * order the template names them: `/v1/transfers/{transfer}/reversals/{id}` takes `(transfer, id)`.
 * An operation of kind `'binary'` passes `transfer.binary`.
 */
// The return type is the one place `any` stands: the const this initializes declares the real type.
export function operation(method, template, kind, takesParams, transfer = {}) {
    const parts = template.split(/\{[^}]*\}/);
    const pathParams = parts.length - 1;
    const { server, multipart, binary } = transfer;
    return (core, ...args) => {
        let path = parts[0];
        for (let i = 1; i < parts.length; i++)
            path += encodePathParam(args[i - 1]) + parts[i];
        const spec = {
            method,
            path,
            params: takesParams ? args[pathParams] : undefined,
            options: args[takesParams ? pathParams + 1 : pathParams],
            server,
            multipart,
            binary,
        };
        return kind === 'list' ? core.requestList(spec) : core.request(spec);
    };
}
