/**
 * The slice of the Fetch API the client uses, declared here so that a consumer of the package
 * needs neither the DOM library nor @types/node to type-check against it. The global `fetch` of
 * browsers, Node 18+, Deno, Bun and edge runtimes all satisfy `FetchLike`.
 */
/** What the client needs from an `AbortSignal`; a real `AbortSignal` satisfies it. */
export interface AbortSignalLike {
    readonly aborted: boolean;
    readonly reason?: unknown;
    addEventListener(type: 'abort', listener: () => void): void;
    removeEventListener(type: 'abort', listener: () => void): void;
}
type PlatformSignal = typeof globalThis extends {
    AbortSignal: {
        prototype: infer S;
    };
} ? S : AbortSignalLike;
export interface FetchInit {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal?: PlatformSignal;
    /**
     * A deadline in ms for the whole exchange, passed only to a transport that says it enforces one
     * (`enforcesTimeout`); past it the transport rejects with an error named `TimeoutError`.
     */
    timeout?: number;
}
export interface HeadersLike {
    get(name: string): string | null;
    forEach(callback: (value: string, name: string) => void): void;
}
export interface ResponseLike {
    readonly status: number;
    readonly headers: HeadersLike;
    text(): Promise<string>;
}
export type FetchLike = ((url: string, init: FetchInit) => Promise<ResponseLike>) & {
    /** Set by transports that enforce `init.timeout` themselves, sparing an AbortController per attempt. */
    readonly enforcesTimeout?: boolean;
};
export {};
