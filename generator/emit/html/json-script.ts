/**
 * JSON for a `<script type="application/json">` element. The HTML parser ends a script element at
 * the first `</script`, whatever JSON thinks, and `<!--` changes how it scans; so `<`, `>` and `&` are
 * written as `\u003c`-style escapes (JSON.parse reads them back unchanged). U+2028 and U+2029 are
 * escaped too, so the text stays valid if someone pastes it into JavaScript source.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
