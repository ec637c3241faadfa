/**
 * The first check on an incoming request line. Only origin-form targets (`/v1/...`) pass, with no
 * dot segments, no empty segments, no encoded slash, backslash, dot or NUL, and only printable
 * ASCII. What passes is forwarded byte for byte, so the upstream sees exactly the path checked here.
 */
export type TargetCheck =
  | { ok: true; pathname: string; search: string }
  | { ok: false; message: string };

export function checkRequestTarget(target: string | undefined): TargetCheck {
  if (!target || !target.startsWith('/')) {
    return { ok: false, message: 'Only origin-form request targets (a path starting with /) are accepted; absolute URIs and * are refused.' };
  }
  if (target.startsWith('//')) return { ok: false, message: 'The request path may not start with //.' };
  if (!/^[\x21-\x7e]+$/.test(target) || /[\\#]/.test(target)) {
    return { ok: false, message: 'The request target holds characters that are not allowed (spaces, controls, non-ASCII, backslash or #).' };
  }
  const queryAt = target.indexOf('?');
  const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
  const search = queryAt === -1 ? '' : target.slice(queryAt);
  if (/%(2f|5c|2e|00)/i.test(pathname)) return { ok: false, message: 'Encoded slashes, backslashes, dots and NULs are refused in the path.' };
  if (/%(?![0-9a-f]{2})/i.test(pathname)) return { ok: false, message: 'The path holds a malformed percent escape.' };
  const segments = pathname.split('/').slice(1);
  if (segments.some((s, i) => s === '.' || s === '..' || (s === '' && i < segments.length - 1))) {
    return { ok: false, message: 'Dot segments and empty segments are refused in the path.' };
  }
  return { ok: true, pathname, search };
}
