/**
 * Operation functions as methods. A generated class extends one of these bases and declares each
 * method's type once (`declare readonly create: ...`); the base puts the function on the prototype,
 * passing the instance's transport first. No delegating body is written per method, so the checker
 * has one body per operation to check, not three.
 */

import type { ClientCore } from './core.js';

/** Method name → operation function (`(core, ...args)`), as the generator pairs them. */
export type OperationTable = Readonly<Record<string, unknown>>;

type Operation = (core: ClientCore, ...args: unknown[]) => unknown;

function install<T extends object>(prototype: T, operations: OperationTable, coreOf: (self: T) => ClientCore): void {
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
export function resourceBase(operations: OperationTable): new (client: { readonly core: ClientCore }) => object {
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
  return Resource;
}

/** The base of the client class, whose flat methods (`client.postIdentityVerificationSessions`) use its `core`. */
export function clientBase(operations: OperationTable): new () => object {
  class Client {
    static {
      install(this.prototype, operations, (self: Client) => (self as unknown as { readonly core: ClientCore }).core);
    }
  }
  return Client;
}
