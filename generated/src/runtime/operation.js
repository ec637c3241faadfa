/**
 * Operation functions, made from their endpoints. Each generated operation is a const initialized
 * here and typed by its declaration (`OperationFunction<...>`), which is the contract the tests hold
 * every operation to; so no function body per operation is written, or checked.
 */
import { encodePathParam } from './core.js';
/**
 * `(core, ...pathParams, params?, options?)` for one endpoint. The template holds, for each path
 * parameter, its position among the arguments: `/v1/sources/{1}/mandate_notifications/{0}`.
 */
// The return type is the one place `any` stands: the const this initializes declares the real type.
export function operation(method, template, kind, takesParams) {
    const parts = template.split(/\{(\d+)\}/);
    const pathParams = (parts.length - 1) / 2;
    return (core, ...args) => {
        let path = parts[0];
        for (let i = 1; i < parts.length; i += 2)
            path += encodePathParam(args[Number(parts[i])]) + parts[i + 1];
        const spec = {
            method,
            path,
            params: takesParams ? args[pathParams] : undefined,
            options: args[takesParams ? pathParams + 1 : pathParams],
        };
        return kind === 'list' ? core.requestList(spec) : core.request(spec);
    };
}
