import type { ApiModel } from '../../model/types.js';
import { markdownText } from '../../text/escape.js';
import type { PackageInfo } from './package-info.js';

const HEADING = '# Changelog\n';

/** The changelog of a first generation: one entry for the version it starts at. */
export function initialChangelog(model: ApiModel, pkg: PackageInfo): string {
  return `${HEADING}\n${changelogEntry({ version: pkg.version, lines: [`Generated from the ${markdownText(model.title)}, version ${markdownText(model.apiVersion)} (spec sha256 \`${model.specSha256.slice(0, 12)}\`).`] })}`;
}

export interface ChangelogEntry {
  version: string;
  /** `YYYY-MM-DD`; left out of the heading when absent. */
  date?: string;
  /** One bullet each, Markdown. */
  lines: string[];
}

export function changelogEntry(entry: ChangelogEntry): string {
  const heading = entry.date ? `## ${entry.version} (${entry.date})` : `## ${entry.version}`;
  return `${heading}\n\n${entry.lines.map((line) => `- ${line}`).join('\n')}\n`;
}

/** The changelog with `entry` as its newest entry, above the others and below the title. */
export function prependEntry(changelog: string | undefined, entry: ChangelogEntry): string {
  const text = changelog?.trim() ? changelog : HEADING;
  const rest = text.startsWith(HEADING) ? text.slice(HEADING.length).replace(/^\n+/, '') : text;
  return `${HEADING}\n${changelogEntry(entry)}${rest ? `\n${rest.trimEnd()}\n` : ''}`;
}
