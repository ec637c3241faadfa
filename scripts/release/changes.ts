import { markdownBullets } from '../../generator/diff/format/markdown.js';
import type { DiffResult } from '../../generator/diff/types.js';
import { markdownCode } from '../../generator/text/escape.js';

/** The spec a release is generated from, as the changelog names it. */
export interface SpecIdentity {
  sha256: string;
  apiVersion: string;
}

/**
 * The changelog bullets of a release: the spec it comes from, the `Stripe-Version` it sends if that
 * changed, then the spec diff's bullets (the same ones `sdkgen diff` prints). Without the previous
 * spec there is no diff, and the entry says so.
 */
export function changelogLines(next: SpecIdentity, diff: DiffResult | undefined): string[] {
  const spec = `Generated from the Stripe API spec, version ${markdownCode(next.apiVersion)} (sha256 ${markdownCode(next.sha256.slice(0, 12))}`;
  if (!diff) return [`${spec}).`, 'The previous spec was not at hand, so the changes are not listed.'];
  const lines = [diff.from.sha256 === next.sha256 ? `${spec}, unchanged).` : `${spec}; was ${markdownCode(diff.from.sha256.slice(0, 12))}).`];
  if (diff.from.apiVersion !== next.apiVersion) {
    lines.push(`Requests now send ${markdownCode(`Stripe-Version: ${next.apiVersion}`)} (was ${markdownCode(diff.from.apiVersion)}).`);
  }
  const bullets = markdownBullets(diff);
  lines.push(...(bullets.length > 0 ? bullets : ['No changes to the operations or types of the package.']));
  return lines;
}
