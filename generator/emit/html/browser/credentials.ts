/**
 * What the page keeps in browser storage. The gateway URL is not secret: localStorage. The gateway
 * access key is: sessionStorage (this tab only) unless the user ticks "Remember". A Stripe secret
 * key is never stored or sent: the gateway holds it.
 */
export const STORAGE_KEYS = {
  gatewayUrl: 'sdkgen.gatewayUrl',
  accessKey: 'sdkgen.gatewayAccessKey',
  remember: 'sdkgen.rememberAccessKey',
} as const;

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    // Storage can be switched off, or refused to pages opened from disk.
    return fallback;
  }
}

export function loadGatewayUrl(): string {
  return safe(() => localStorage.getItem(STORAGE_KEYS.gatewayUrl) ?? '', '');
}

export function saveGatewayUrl(url: string): void {
  safe(() => (url ? localStorage.setItem(STORAGE_KEYS.gatewayUrl, url) : localStorage.removeItem(STORAGE_KEYS.gatewayUrl)), undefined);
}

export function loadAccessKey(): { key: string; remember: boolean } {
  const remember = safe(() => localStorage.getItem(STORAGE_KEYS.remember) === '1', false);
  const key = safe(() => (remember ? localStorage : sessionStorage).getItem(STORAGE_KEYS.accessKey) ?? '', '');
  return { key, remember };
}

export function saveAccessKey(key: string, remember: boolean): void {
  safe(() => {
    if (remember) {
      localStorage.setItem(STORAGE_KEYS.remember, '1');
      if (key) localStorage.setItem(STORAGE_KEYS.accessKey, key);
      else localStorage.removeItem(STORAGE_KEYS.accessKey);
      sessionStorage.removeItem(STORAGE_KEYS.accessKey);
    } else {
      localStorage.removeItem(STORAGE_KEYS.remember);
      localStorage.removeItem(STORAGE_KEYS.accessKey);
      if (key) sessionStorage.setItem(STORAGE_KEYS.accessKey, key);
      else sessionStorage.removeItem(STORAGE_KEYS.accessKey);
    }
  }, undefined);
}

/** A Stripe secret or restricted key pasted in the wrong place. */
export function looksLikeStripeSecret(text: string): boolean {
  return /\b(sk|rk)_(test|live)_/.test(text);
}

/** The gateway URL as the page will use it, or why it cannot. */
export function parseGatewayUrl(text: string): { url?: string; problem?: string } {
  const trimmed = text.trim();
  if (!trimmed) return {};
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { problem: 'Enter a full URL, such as http://127.0.0.1:8787.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'The gateway URL must start with http:// or https://.' };
  if (url.username || url.password) return { problem: 'Leave credentials out of the gateway URL.' };
  if (url.search || url.hash) return { problem: 'Leave the query and fragment out of the gateway URL.' };
  return { url: url.href.replace(/\/+$/, '') };
}
