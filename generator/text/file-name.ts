import crypto from 'node:crypto';

/**
 * The one way a name from the spec becomes part of a path. Spec names are untrusted: an operationId
 * can hold `../`, an absolute path, a Windows device name, bidi or zero-width characters, or be
 * kilobytes long. A file name made here is one path segment that means the same on Linux, macOS and
 * Windows: only `[A-Za-z0-9_-]`, never a device name, at most `MAX_FILE_NAME_BYTES` long. An
 * extension is appended by the caller, after the sanitised base.
 */

/** Room for an extension and a uniqueness suffix under every file system's 255-byte limit. */
export const MAX_FILE_NAME_BYTES = 120;

/** Windows refuses these as a file's base name, whatever the case and whatever extension follows. */
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

const UNSAFE = /[^A-Za-z0-9_-]/g;

/**
 * A portable file name for `name`. Names that are already plain (every name in Stripe's spec) come
 * back as they are; a name that had characters replaced or was shortened gets a short hash of the
 * original, so `Post*Things` and `Post/Things` stay apart.
 */
export function safeFileName(name: string): string {
  let base = name.replace(UNSAFE, '_');
  const altered = base !== name || base.length === 0;
  if (DEVICE_NAME.test(base)) base = `${base}_`;
  if (!altered && base.length <= MAX_FILE_NAME_BYTES) return base;
  const tag = `-${crypto.createHash('sha256').update(name).digest('hex').slice(0, 10)}`;
  return `${base.slice(0, MAX_FILE_NAME_BYTES - tag.length)}${tag}`;
}

/**
 * File names within one folder, unique even where case does not count (macOS, Windows): the second
 * of `Things` and `THINGS` becomes `THINGS-2`. Which one is renamed depends on the order of `claim`s,
 * so callers claim in a deterministic order. Claiming the same name twice gives the same file name.
 */
export class FolderNames {
  private readonly given = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** Keeps `file` (such as `README.md`) for the caller: no claimed name will take it. */
  reserve(file: string): void {
    this.taken.add(file.toLowerCase());
  }

  claim(name: string, extension = ''): string {
    const key = `${name}\0${extension}`;
    const known = this.given.get(key);
    if (known !== undefined) return known;
    const base = safeFileName(name);
    let file = `${base}${extension}`;
    for (let n = 2; this.taken.has(file.toLowerCase()); n++) file = `${base.slice(0, MAX_FILE_NAME_BYTES - 6)}-${n}${extension}`;
    this.taken.add(file.toLowerCase());
    this.given.set(key, file);
    return file;
  }
}

/**
 * Relative paths under one root made of spec-derived segments (`types/Identity/VerificationSession`):
 * each segment sanitised and unique in its folder, case-insensitively. Folders and files are claimed
 * in one namespace per folder, with their extensions, so `Foo/` and `Foo.ts` may sit side by side.
 */
export class PathNames {
  private readonly folders = new Map<string, FolderNames>();

  /** The safe path for `segments`; the last is a file with `extension`, the others folders. */
  claim(segments: string[], extension = ''): string {
    let at = '';
    for (let i = 0; i < segments.length; i++) {
      let folder = this.folders.get(at);
      if (!folder) this.folders.set(at, (folder = new FolderNames()));
      const last = i === segments.length - 1;
      const name = folder.claim(segments[i]!, last ? extension : '');
      at = at ? `${at}/${name}` : name;
    }
    return at;
  }
}
