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

type Operation = (core: ClientCore, ...args: unknown[]) => unknown;

/** `operations` maps method names to operation functions (`(core, ...args)`), as the generator pairs them. */
function install<T extends object>(prototype: T, operations: object, coreOf: (self: T) => ClientCore): void {
  for (const [name, operation] of Object.entries(operations)) {
    // The function's standalone signature applies to the method too (`client.create(core, params)`):
    // a transport given first is used as given.
    const method = function (this: T, ...args: unknown[]): unknown {
      const core = args[0] instanceof ClientCore ? (args.shift() as ClientCore) : coreOf(this);
      return (operation as Operation)(core, ...args);
    };
    Object.defineProperty(method, 'name', { value: name });
    // As a class method would be: writable, configurable, not enumerable.
    Object.defineProperty(prototype, name, { value: method, writable: true, configurable: true, enumerable: false });
  }
}

// Names that code probes for on any object (promises, JSON, test matchers, DOM checks): never a typo.
const PROBED = new Set(['then', 'catch', 'finally', 'toJSON', 'inspect', 'asymmetricMatch', 'nodeType', 'tagName']);

/**
 * The last prototype before `Object.prototype` of every client and resource object. A property lookup
 * reaches it only when nothing before it has the name, so calls of real methods never run it; for a
 * name that looks like a method name it answers with a function that throws, naming the closest
 * methods, instead of leaving `undefined` to fail as "is not a function".
 */
const missingMethods: object = /* @__PURE__ */ new Proxy(
  {},
  {
    get(target, key, receiver) {
      if (typeof key !== 'string' || key in target || PROBED.has(key) || !/^[a-z]\w*$/i.test(key)) return Reflect.get(target, key, receiver);
      return () => {
        throw new TypeError(missingMethodMessage(receiver as object, key));
      };
    },
  },
);

function missingMethodMessage(object: object, name: string): string {
  const methods: string[] = [];
  for (let at = object; at !== missingMethods; at = Object.getPrototypeOf(at)) {
    // Descriptors, not values: reading a getter (the client's `core`) could build a transport.
    for (const [key, { value }] of Object.entries(Object.getOwnPropertyDescriptors(at))) {
      if (key !== 'constructor' && typeof value === 'function') methods.push(key);
    }
  }
  const folded = (s: string) => s.toLowerCase().replace(/_/g, '');
  const scored = methods.map((method) => [distance(folded(name), folded(method)), method] as const);
  const best = Math.min(...scored.map(([d]) => d));
  const close = best <= Math.max(2, name.length / 3) ? scored.filter(([d]) => d === best).map(([, m]) => m) : [];
  const owner = object.constructor.name;
  const advice =
    close.length > 0 ? `did you mean ${close.sort().join(' or ')}?`
    : methods.length <= 12 ? `its methods are ${methods.sort().join(', ')}`
    : `${owner} has no method with a similar name`;
  return `${owner}.${name} is not a method; ${advice}`;
}

/** Edit distance (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The base of a resource class (`client.identity.verificationSessions`): it holds the client, whose transport each call uses. */
export function resourceBase<Table extends object>(operations: Table): new (client: { readonly core: ClientCore }) => Table & ClientBound {
  class Resource {
    // An ES private field: no method name from the spec can collide with it.
    readonly #client: { readonly core: ClientCore };

    constructor(client: { readonly core: ClientCore }) {
      this.#client = client;
    }

    static {
      install(this.prototype, operations, (self: Resource) => self.#client.core);
      Object.setPrototypeOf(this.prototype, missingMethods);
    }
  }
  // The methods are installed above, one per table entry, as the functions' method signatures describe them.
  return Resource as unknown as new (client: { readonly core: ClientCore }) => Table & ClientBound;
}

/** The base of the client class, whose flat methods (`client.postIdentityVerificationSessions`) use its `core`. */
export function clientBase<Table extends object>(operations: Table): new () => Table & ClientBound {
  class Client {
    static {
      install(this.prototype, operations, (self: Client) => (self as unknown as { readonly core: ClientCore }).core);
      Object.setPrototypeOf(this.prototype, missingMethods);
    }
  }
  return Client as unknown as new () => Table & ClientBound;
}
