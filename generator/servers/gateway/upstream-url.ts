import { SdkgenError } from '../../errors.js';

/**
 * Checks `--upstream`: an http(s) origin with no path, query or credentials. Plain http only to a
 * loopback address (the local mock): the secret key must not cross a network in clear text.
 */
export function parseUpstream(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SdkgenError(`--upstream is not a URL: ${text}`, { hint: 'pass an origin such as https://api.stripe.com or http://127.0.0.1:12111' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SdkgenError('--upstream must be an http(s) URL');
  if (url.username || url.password) throw new SdkgenError('--upstream may not hold credentials; the key comes from STRIPE_SECRET_KEY');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) throw new SdkgenError('--upstream must be an origin only (no path, query or fragment)');
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new SdkgenError('--upstream over plain http is only allowed to a loopback address', { hint: 'use https, or run the mock on 127.0.0.1' });
  }
  return url;
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
