/**
 * Operation functions as methods. A generated class extends one of these bases with its method
 * table (`{ create: postIdentityVerificationSessions, ... }`, typed by an interface of `typeof`
 * entries); the base puts each function on the prototype, passing the instance's transport first,
 * and the table's type gives the class each method's type (`MethodsOf`). No method is declared or
 * delegated per operation, so the checker reads each operation's signature once, on its function.
 */
/** `operations` maps method names to operation functions (`(core, ...args)`), as the generator pairs them. */
function install(prototype, operations, coreOf) {
    for (const [name, operation] of Object.entries(operations)) {
        const method = function (...args) {
            return operation(coreOf(this), ...args);
        };
        Object.defineProperty(method, 'name', { value: name });
        // As a class method would be: writable, configurable, not enumerable.
        Object.defineProperty(prototype, name, { value: method, writable: true, configurable: true, enumerable: false });
    }
}
/** The base of a resource class (`client.identity.verificationSessions`): it holds the client, whose transport each call uses. */
export function resourceBase(operations) {
    class Resource {
        // An ES private field: no method name from the spec can collide with it.
        #client;
        constructor(client) {
            this.#client = client;
        }
        static {
            install(this.prototype, operations, (self) => self.#client.core);
        }
    }
    // The methods are installed above, one per table entry, as `MethodsOf` describes them.
    return Resource;
}
/** The base of the client class, whose flat methods (`client.postIdentityVerificationSessions`) use its `core`. */
export function clientBase(operations) {
    class Client {
        static {
            install(this.prototype, operations, (self) => self.core);
        }
    }
    return Client;
}
