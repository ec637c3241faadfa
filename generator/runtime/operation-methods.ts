/**
 * Operation functions as methods. A generated class extends one of these bases with its method
 * table (`{ create: postIdentityVerificationSessions, ... }`, typed by an interface of `typeof`
 * entries); the base puts each function on the prototype, passing the instance's transport first,
 * and the table's type gives the class each method's type (`MethodsOf`). No method is declared or
 * delegated per operation, so the checker reads each operation's signature once, on its function.
 */

import type { ClientCore } from './core.js';
import type { MethodsOf } from './operation-types.js';

type Operation = (core: ClientCore, ...args: unknown[]) => unknown;

/** `operations` maps method names to operation functions (`(core, ...args)`), as the generator pairs them. */
function install<T extends object>(prototype: T, operations: object, coreOf: (self: T) => ClientCore): void {
  for (const [name, operation] of Object.entries(operations)) {
    const method = function (this: T, ...args: unknown[]): unknown {
      return (operation as Operation)(coreOf(this), ...args);
    };
    Object.defineProperty(method, 'name', { value: name });
    // As a class method would be: writable, configurable, not enumerable.
    Object.defineProperty(prototype, name, { value: method, writable: true, configurable: true, enumerable: false });
  }
}

/** The base of a resource class (`client.identity.verificationSessions`): it holds the client, whose transport each call uses. */
export function resourceBase<Table extends object>(operations: Table): new (client: { readonly core: ClientCore }) => MethodsOf<Table> {
  class Resource {
    // An ES private field: no method name from the spec can collide with it.
    readonly #client: { readonly core: ClientCore };

    constructor(client: { readonly core: ClientCore }) {
      this.#client = client;
    }

    static {
      install(this.prototype, operations, (self: Resource) => self.#client.core);
    }
  }
  // The methods are installed above, one per table entry, as `MethodsOf` describes them.
  return Resource as unknown as new (client: { readonly core: ClientCore }) => MethodsOf<Table>;
}

/** The base of the client class, whose flat methods (`client.postIdentityVerificationSessions`) use its `core`. */
export function clientBase<Table extends object>(operations: Table): new () => MethodsOf<Table> {
  class Client {
    static {
      install(this.prototype, operations, (self: Client) => (self as unknown as { readonly core: ClientCore }).core);
    }
  }
  return Client as new () => MethodsOf<Table>;
}
