import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TOOL_ROOT } from '../../tool-root.js';
import { jsonForScript } from './json-script.js';

export const HTML_TEMPLATES = path.join(TOOL_ROOT, 'templates', 'html');

// The helpers are all known: the compiler calls them directly instead of looking each name up per use.
const TEMPLATE_OPTIONS = { strict: true, preventIndent: true, knownHelpers: { jsonScript: true, lower: true }, knownHelpersOnly: true };

let instance: typeof Handlebars | undefined;
const compiled = new Map<string, HandlebarsTemplateDelegate>();

/**
 * HTML templates. Handlebars escapes every `{{value}}` for element text and quoted attributes; the
 * two ways around it are named for what they carry: `{{{...Html}}}` only for sanitize-html output,
 * and `{{jsonScript value}}` for JSON inside `<script type="application/json">`.
 */
function handlebars(): typeof Handlebars {
  if (instance) return instance;
  const hbs = Handlebars.create();
  hbs.registerHelper('jsonScript', (value: unknown) => new hbs.SafeString(jsonForScript(value)));
  hbs.registerHelper('lower', (text: string) => String(text).toLowerCase());
  // Registered compiled: a partial registered as source is compiled again by every page that uses it.
  for (const file of fs.readdirSync(path.join(HTML_TEMPLATES, 'partials')).sort()) {
    if (file.endsWith('.hbs')) hbs.registerPartial(file.slice(0, -4), hbs.compile(read(path.join('partials', file)), TEMPLATE_OPTIONS));
  }
  instance = hbs;
  return hbs;
}

export function renderTemplate(name: string, data: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = handlebars().compile(read(name), TEMPLATE_OPTIONS);
    compiled.set(name, template);
  }
  return template(data);
}

function read(name: string): string {
  return fs.readFileSync(path.join(HTML_TEMPLATES, name), 'utf8');
}
