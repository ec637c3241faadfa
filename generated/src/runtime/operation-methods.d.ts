/**
 * Operation functions as methods. A generated class extends one of these bases with its method
 * table (`{ create: postIdentityVerificationSessions, ... }`, typed by an interface of `typeof`
 * entries); the base puts each function on the prototype, passing the instance's transport first,
 * and the table's type gives the class each method's type (`MethodsOf`). No method is declared or
 * delegated per operation, so the checker reads each operation's signature once, on its function.
 */
import type { ClientCore } from './core.js';
import type { MethodsOf } from './operation-types.js';
/** The base of a resource class (`client.identity.verificationSessions`): it holds the client, whose transport each call uses. */
export declare function resourceBase<Table extends object>(operations: Table): new (client: {
    readonly core: ClientCore;
}) => MethodsOf<Table>;
/** The base of the client class, whose flat methods (`client.postIdentityVerificationSessions`) use its `core`. */
export declare function clientBase<Table extends object>(operations: Table): new () => MethodsOf<Table>;
