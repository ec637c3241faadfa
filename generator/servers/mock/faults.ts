import { SdkgenError } from '../../errors.js';

export type FaultKind = '500' | '409' | '429' | 'reset';
const KINDS: FaultKind[] = ['500', '409', '429', 'reset'];

export interface FaultPlan {
  /** Share of requests that fail, 0–1. */
  rate: number;
  kinds: FaultKind[];
}

/** `rate=0.05,kinds=500|409|429|reset` → a fault plan; bad text is one clear error. */
export function parseFaults(text: string): FaultPlan {
  const plan: FaultPlan = { rate: 0, kinds: [...KINDS] };
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [key, value = ''] = part.split('=', 2).map((s) => s.trim()) as [string, string?];
    if (key === 'rate') {
      const rate = Number(value);
      if (value === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) throw new SdkgenError(`--faults: rate must be a number from 0 to 1, got '${value}'`);
      plan.rate = rate;
    } else if (key === 'kinds') {
      const kinds = value.split('|').map((s) => s.trim());
      const wrong = kinds.find((k) => !KINDS.includes(k as FaultKind));
      if (wrong !== undefined) throw new SdkgenError(`--faults: unknown kind '${wrong}'`, { hint: `kinds are ${KINDS.join(', ')}, joined by |` });
      plan.kinds = kinds as FaultKind[];
    } else {
      throw new SdkgenError(`--faults: unknown setting '${key}'`, { hint: "write it as 'rate=0.05,kinds=500|409|429|reset'" });
    }
  }
  return plan;
}

/** mulberry32: small and seeded, so a run with the same --seed fails the same requests. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides, request by request, whether to fail and how. */
export class FaultInjector {
  constructor(
    private readonly plan: FaultPlan,
    private readonly random: () => number,
  ) {}

  next(): FaultKind | undefined {
    if (this.plan.rate === 0 || this.random() >= this.plan.rate) return undefined;
    return this.plan.kinds[Math.floor(this.random() * this.plan.kinds.length)] ?? this.plan.kinds[0];
  }
}

/** The answer Stripe gives for each status, with its `Stripe-Should-Retry` verdict. */
export function faultAnswer(kind: Exclude<FaultKind, 'reset'>): { status: number; shouldRetry: boolean; error: Record<string, string> } {
  switch (kind) {
    case '500':
      return { status: 500, shouldRetry: true, error: { type: 'api_error', message: 'An unknown error occurred (injected by sdkgen mock --faults).' } };
    case '409':
      return {
        status: 409,
        shouldRetry: true,
        error: {
          type: 'invalid_request_error',
          code: 'lock_timeout',
          message: 'This object cannot be accessed right now because another API request or Stripe process is currently accessing it. If you see this error intermittently, retry the request.',
        },
      };
    case '429':
      // A real rate limit: Stripe asks clients not to retry it (more requests would add to the load); its
      // libraries retry only the 429s it marks retryable (lock timeouts). The caller decides when to slow down.
      return {
        status: 429,
        shouldRetry: false,
        error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.' },
      };
  }
}
