/** One operation as a server routes it: the spec's method and path template. */
export interface RouteSpec {
  id: string;
  method: string;
  /** The path template: `/v1/identity/verification_sessions/{session}`. */
  path: string;
}

export interface RouteMatch<R extends RouteSpec> {
  route: R;
  /** Path parameter values, still percent-encoded as received. */
  params: Record<string, string>;
}

interface Compiled<R> {
  route: R;
  segments: ({ literal: string } | { param: string })[];
  /** Literal segments count: `/v1/customers/search` beats `/v1/customers/{customer}`. */
  literals: number;
}

/** Path templates → matchers. A parameter matches one whole, non-empty segment. */
export class RouteTable<R extends RouteSpec = RouteSpec> {
  private readonly routes: Compiled<R>[];

  constructor(routes: R[]) {
    this.routes = routes
      .map((route) => {
        const segments = route.path.split('/').slice(1).map((s) => {
          const param = /^\{([^}]+)\}$/.exec(s);
          return param ? { param: param[1]! } : { literal: s };
        });
        return { route, segments, literals: segments.filter((s) => 'literal' in s).length };
      })
      .sort((a, b) => b.literals - a.literals || (a.route.path < b.route.path ? -1 : a.route.path > b.route.path ? 1 : 0));
  }

  get size(): number {
    return this.routes.length;
  }

  match(method: string, pathname: string): RouteMatch<R> | undefined {
    return this.matchPath(pathname).find((m) => m.route.method === method);
  }

  /** The methods served at a path (for `405` answers and CORS preflights). */
  methodsAt(pathname: string): string[] {
    return [...new Set(this.matchPath(pathname).map((m) => m.route.method))].sort();
  }

  private matchPath(pathname: string): RouteMatch<R>[] {
    const parts = pathname.split('/').slice(1);
    const found: RouteMatch<R>[] = [];
    for (const { route, segments } of this.routes) {
      if (segments.length !== parts.length) continue;
      // No prototype: a path parameter may be named `__proto__` or `constructor`.
      const params = Object.create(null) as Record<string, string>;
      const ok = segments.every((segment, i) => {
        const part = parts[i]!;
        if ('literal' in segment) return segment.literal === part;
        if (part === '') return false;
        params[segment.param] = part;
        return true;
      });
      if (ok) found.push({ route, params });
    }
    return found;
  }
}
