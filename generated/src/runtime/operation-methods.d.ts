/**
 * Operation functions as methods. A generated class extends one of these bases with its method
 * table (`{ create: postIdentityVerificationSessions, ... }`), typed as the module that re-exports
 * the functions under the methods' names; the base puts each function on the prototype, passing the
 * instance's transport first. No method is declared or delegated per operation, so the checker reads
 * each operation's signature once, on its function, and editors show its doc comment through the
 * re-export.
 */
import { ClientCore } from './core.js';
import type { ClientBound } from './operation-types.js';
/** The base of a resource class (`client.identity.verificationSessions`): it holds the client, whose transport each call uses. */
export declare function resourceBase<Table extends object>(operations: Table): new (client: {
    readonly core: ClientCore;
}) => Table & ClientBound;
/** The base of the client class, whose flat methods (`client.postIdentityVerificationSessions`) use its `core`. */
export declare function clientBase<Table extends object>(operations: Table): new () => Table & ClientBound;
