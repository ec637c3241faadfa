/**
 * The slice of the Fetch API the client uses, declared here so that a consumer of the package
 * needs neither the DOM library nor @types/node to type-check against it. The global `fetch` of
 * browsers, Node 18+, Deno, Bun and edge runtimes all satisfy `FetchLike`.
 */
export {};
