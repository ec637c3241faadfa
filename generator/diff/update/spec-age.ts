import { SdkgenError } from '../../errors.js';

/** What tells two specs' ages apart: the API version (`info.version`, a date) and, when known, the release. */
export interface SpecAge {
  /** `info.version`: `2023-08-16`. */
  apiVersion: string;
  /** stripe/openapi's release tag number (`v524` → 524), from the spec's URL or file name, when it has one. */
  release: number | undefined;
  /** Where the spec came from, for the message. */
  source: string;
}

/**
 * The release tag in a spec's URL or file name: `.../stripe/openapi/v524/openapi/spec3.yaml` or
 * `spec3.v524.yaml` → 524. The last `vNNN` segment counts (a host or owner name comes first).
 */
export function specRelease(source: string | undefined): number | undefined {
  if (!source) return undefined;
  const matches = [...source.matchAll(/(?:^|[/\\._-])v(\d+)(?=[/\\._-]|$)/g)];
  const last = matches[matches.length - 1];
  return last ? Number(last[1]) : undefined;
}

/**
 * Refuses an update to an older spec: an older API version, or at the same API version an older
 * release. Without `--allow-downgrade`, such an update would be published as a patch release that
 * silently takes fields and methods back out of the package.
 */
export function refuseDowngrade(current: SpecAge, next: SpecAge): void {
  const dated = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
  let older: string | undefined;
  if (dated(current.apiVersion) && dated(next.apiVersion) && next.apiVersion < current.apiVersion) {
    older = `its API version ${next.apiVersion} is older than the package's ${current.apiVersion}`;
  } else if (next.apiVersion === current.apiVersion && current.release !== undefined && next.release !== undefined && next.release < current.release) {
    older = `it is release v${next.release} of API version ${next.apiVersion}, older than the package's v${current.release}`;
  }
  if (older) {
    throw new SdkgenError(`refusing to update to an older spec: ${older} (${current.source}); pass --allow-downgrade to go back to it on purpose`, { where: next.source });
  }
}
