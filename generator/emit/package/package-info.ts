/** The output package's identity, and what of it survives regeneration. */
export interface PackageInfo {
  name: string;
  version: string;
  /** The existing changelog of the output package, kept across regenerations. */
  changelog?: string;
}
