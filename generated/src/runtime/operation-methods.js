/**
 * Operation functions as methods. A generated class extends one of these bases with its method
 * table (`{ create: postIdentityVerificationSessions, ... }`), typed as the module that re-exports
 * the functions under the methods' names; the base puts each function on the prototype, passing the
 * instance's transport first. No method is declared or delegated per operation, so the checker reads
 * each operation's signature once, on its function, and editors show its doc comment through the
 * re-export.
 */
import { ClientCore } from './core.js';
/** `operations` maps method names to operation functions (`(core, ...args)`), as the generator pairs them. */
function install(prototype, operations, coreOf) {
    for (const [name, operation] of Object.entries(operations)) {
        // The function's standalone signature applies to the method too (`client.create(core, params)`):
        // a transport given first is used as given.
        const method = function (...args) {
            const core = args[0] instanceof ClientCore ? args.shift() : coreOf(this);
            return operation(core, ...args);
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
const missingMethods = /* @__PURE__ */ new Proxy({}, {
    get(target, key, receiver) {
        if (typeof key !== 'string' || key in target || PROBED.has(key) || !/^[a-z]\w*$/i.test(key))
            return Reflect.get(target, key, receiver);
        return () => {
            throw new TypeError(missingMethodMessage(receiver, key));
        };
    },
});
function missingMethodMessage(object, name) {
    const methods = [];
    for (let at = object; at !== missingMethods; at = Object.getPrototypeOf(at)) {
        // Descriptors, not values: reading a getter (the client's `core`) could build a transport.
        for (const [key, { value }] of Object.entries(Object.getOwnPropertyDescriptors(at))) {
            if (key !== 'constructor' && typeof value === 'function')
                methods.push(key);
        }
    }
    const folded = (s) => s.toLowerCase().replace(/_/g, '');
    const scored = methods.map((method) => [distance(folded(name), folded(method)), method]);
    const best = Math.min(...scored.map(([d]) => d));
    const close = best <= Math.max(2, name.length / 3) ? scored.filter(([d]) => d === best).map(([, m]) => m) : [];
    const owner = object.constructor.name;
    const advice = close.length > 0 ? `did you mean ${close.sort().join(' or ')}?`
        : methods.length <= 12 ? `its methods are ${methods.sort().join(', ')}`
            : `${owner} has no method with a similar name`;
    return `${owner}.${name} is not a method; ${advice}`;
}
/** Edit distance (insertions, deletions, substitutions). */
function distance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
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
            Object.setPrototypeOf(this.prototype, missingMethods);
        }
    }
    // The methods are installed above, one per table entry, as the functions' method signatures describe them.
    return Resource;
}
/** The base of the client class, whose flat methods (`client.postIdentityVerificationSessions`) use its `core`. */
export function clientBase(operations) {
    class Client {
        static {
            install(this.prototype, operations, (self) => self.core);
            Object.setPrototypeOf(this.prototype, missingMethods);
        }
    }
    return Client;
}
