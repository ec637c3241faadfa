import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Project as ProjectType, SourceFile } from 'ts-morph';
import { SdkgenError } from '../../errors.js';
import { TOOL_ROOT } from '../../tool-root.js';
import { markdownCell, markdownCode } from '../../text/escape.js';

const RUNTIME_ERRORS = path.join(TOOL_ROOT, 'generator', 'runtime', 'errors.ts');
const RUNTIME_CORE = path.join(TOOL_ROOT, 'generator', 'runtime', 'core.ts');

/** The README's tables of the runtime's errors and options, each value escaped for where it lands. */
export interface RuntimeReadmeData {
  errors: Array<{ name: string; about: string }>;
  /** `ClientConfig`, as the runtime declares and documents it. */
  clientOptions: Array<{ name: string; type: string; about: string }>;
  /** `RequestOptions`: the names, as inline code. */
  requestOptions: string;
}

/**
 * What every package's README says about the runtime, read from the runtime's hand-written sources
 * so the README follows them. The same for every package: sdkgen's build reads it once
 * (`built-assets.ts`), since parsing the sources costs a cold process about a quarter of a second.
 */
export function readRuntimeReadmeData(): RuntimeReadmeData {
  const { Project } = createRequire(import.meta.url)('ts-morph') as { Project: typeof ProjectType };
  const project = new Project({ useInMemoryFileSystem: true });
  const source = (file: string): SourceFile => project.createSourceFile(path.basename(file), fs.readFileSync(file, 'utf8'));
  const core = source(RUNTIME_CORE);
  return {
    errors: runtimeErrors(source(RUNTIME_ERRORS)),
    clientOptions: runtimeOptions(core, 'ClientConfig'),
    requestOptions: markdownCode(`{ ${runtimeOptions(core, 'RequestOptions').map((o) => o.name.replace(/`/g, '')).join(', ')} }`),
  };
}

/** The runtime's error classes and their doc comments. */
function runtimeErrors(errors: SourceFile): Array<{ name: string; about: string }> {
  return errors
    .getClasses()
    .filter((c) => c.isExported() && c.getName() !== 'StripeError')
    .map((c) => ({
      name: markdownCode(c.getName() ?? ''),
      // Hand-written Markdown of this project: kept as written, made safe for a table cell.
      about: markdownCell(c.getJsDocs().map((doc) => doc.getDescription().trim()).join(' ')),
    }));
}

/** The fields of a runtime interface (`ClientConfig`, `RequestOptions`) with their types and doc comments. */
function runtimeOptions(core: SourceFile, name: string): Array<{ name: string; type: string; about: string }> {
  const declaration = core.getInterface(name);
  if (!declaration) throw new SdkgenError(`the runtime has no interface ${name} for the README`, { where: RUNTIME_CORE });
  return declaration.getProperties().map((p) => {
    const type = (p.getTypeNode()?.getText() ?? 'unknown').replace(/\s*\|\s*undefined$/, '').replace(/\s+/g, ' ');
    const about = p.getJsDocs().map((doc) => doc.getDescription().trim()).join(' ');
    return {
      name: markdownCode(p.getName()),
      // GFM reads `\|` inside a code span in a table as a pipe that does not end the cell.
      type: markdownCode(type).replace(/\|/g, '\\|'),
      about: about ? markdownCell(about) : `See ${markdownCode(type).replace(/\|/g, '\\|')}.`,
    };
  });
}
