import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TOOL_ROOT } from '../../tool-root.js';
import { jsonForScript } from './json-script.js';

export const HTML_TEMPLATES = path.join(TOOL_ROOT, 'templates', 'html');

// The helpers are all known: the compiler calls them directly instead of looking each name up per use.
const TEMPLATE_OPTIONS = { strict: true, preventIndent: true, knownHelpers: { jsonScript: true, lower: true }, knownHelpersOnly: true };

/** The HTML pages' templates, compiled once for a run: `render('operation.hbs', data)`. */
export interface HtmlTemplates {
  render(name: string, data: object): string;
}

/**
 * HTML templates. Handlebars escapes every `{{value}}` for element text and quoted attributes; the
 * two ways around it are named for what they carry: `{{{...Html}}}` only for sanitize-html output
 * or markup printed with `html()` escapes (`param-markup.ts`), and `{{jsonScript value}}` for JSON
 * inside `<script type="application/json">`. One instance per run, held by the emitter's run: the
 * templates are read and compiled when it starts, and each page only calls them.
 */
export function htmlTemplates(): HtmlTemplates {
  const hbs = Handlebars.create();
  hbs.registerHelper('jsonScript', (value: unknown) => new hbs.SafeString(jsonForScript(value)));
  hbs.registerHelper('lower', (text: string) => String(text).toLowerCase());
  // Registered compiled: a partial registered as source is compiled again by every page that uses it.
  for (const file of fs.readdirSync(path.join(HTML_TEMPLATES, 'partials')).sort()) {
    if (file.endsWith('.hbs')) hbs.registerPartial(file.slice(0, -4), hbs.compile(read(path.join('partials', file)), TEMPLATE_OPTIONS));
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const file of fs.readdirSync(HTML_TEMPLATES).sort()) {
    if (file.endsWith('.hbs')) compiled.set(file, hbs.compile(read(file), TEMPLATE_OPTIONS));
  }
  return {
    render(name, data) {
      const template = compiled.get(name);
      if (!template) throw new Error(`no HTML template ${name}`);
      return template(data);
    },
  };
}

function read(name: string): string {
  return fs.readFileSync(path.join(HTML_TEMPLATES, name), 'utf8');
}
