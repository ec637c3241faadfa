import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

// Required, not imported: Node scans a CommonJS module that ES modules import for its export names,
// which costs about a tenth of a second on ts-morph's bundle. Types still come from 'ts-morph'.
const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof TsMorph;

/** A statement as the structure printer takes one: a structure, or text, or a writer function. */
export type Statement = string | TsMorph.WriterFunction | TsMorph.StatementStructures;

export const { ModuleDeclarationKind, printStructure, StructureKind, VariableDeclarationKind } = tsMorph;
