import { loadAccessKey, loadGatewayUrl, looksLikeStripeSecret, parseGatewayUrl, saveAccessKey, saveGatewayUrl } from './credentials.js';
import { byId, el } from './dom.js';
import { fieldControl, type Control } from './form-controls.js';
import { referenceFields } from './reference-form.js';
import { linkReferenceNames } from './reference-links.js';
import { liveSnippets } from './live-snippets.js';
import { buildRequest, sendAndShow } from './send-request.js';
import type { TryItSpec } from './tryit-spec.js';
import { wireCopyButtons } from './copy-buttons.js';
import { forgetForm, loadForm, saveForm } from './form-storage.js';

/** The operation page's Try-it panel: form, live snippets, credentials and sending. */
function start(): void {
  const spec = JSON.parse(byId('try-it-spec').textContent ?? '{}') as TryItSpec;
  const form = byId<HTMLFormElement>('try-it-form');
  const slot = byId('try-it-fields');

  // The form's fields are the reference's entries: path parameters, then the body or query ones.
  const pathControls = referenceFields(document.getElementById('ref-path')).map((field) => ({ name: field.name, control: fieldControl(field, undefined) }));
  const fieldControls = referenceFields(document.getElementById('ref-params')).map((field) => ({ name: field.name, control: fieldControl(field, undefined) }));
  const sections: HTMLElement[] = [];
  if (pathControls.length > 0) sections.push(el('fieldset', { class: 'settings' }, [el('legend', {}, ['Path parameters']), ...pathControls.map((c) => c.control.element)]));
  if (fieldControls.length > 0) {
    const legend = spec.operation.paramsIn === 'query' ? 'Query parameters' : 'Body parameters';
    sections.push(el('fieldset', { class: 'settings' }, [el('legend', {}, [legend]), ...fieldControls.map((c) => c.control.element)]));
  }
  slot.replaceChildren(...sections);

  const params = () => collect(fieldControls);
  const pathValues = () => Object.fromEntries(pathControls.map(({ name, control }) => [name, String(control.value() ?? '')]));
  const restore = (stored: { params: Record<string, unknown>; path: Record<string, string> } | undefined) => {
    for (const { name, control } of pathControls) control.set(stored?.path[name] || undefined);
    for (const { name, control } of fieldControls) control.set(stored?.params[name]);
  };
  restore(loadForm(spec.operation.id));
  const fromDisk = location.protocol === 'file:';

  const gatewayInput = byId<HTMLInputElement>('gateway-url');
  const gatewayError = byId('gateway-url-error');
  const keyInput = byId<HTMLInputElement>('gateway-key');
  const keyWarning = byId('gateway-key-warning');
  const remember = byId<HTMLInputElement>('remember-key');
  const send = byId<HTMLButtonElement>('send');
  const hint = byId('send-hint');

  gatewayInput.value = loadGatewayUrl();
  const stored = loadAccessKey();
  keyInput.value = stored.key;
  remember.checked = stored.remember;

  const snippetNote = byId('snippet-note');
  const refresh = () => {
    // An untouched form shows the example call (every required field filled in), as the page was generated.
    const current = params();
    const touched = Object.keys(current).length > 0 || Object.values(pathValues()).some((v) => v !== '');
    const snippets = touched ? liveSnippets(spec, current, pathValues()) : liveSnippets(spec, spec.example.params, spec.example.path);
    snippetNote.textContent = touched ? 'Shows the values in the form; updates as you type.' : 'Example values; fill in the form to use your own.';
    byId('snippet-ts').textContent = snippets.typescript;
    byId('snippet-curl').textContent = snippets.curl;
    const gateway = parseGatewayUrl(gatewayInput.value);
    gatewayError.hidden = !gateway.problem;
    gatewayError.textContent = gateway.problem ?? '';
    gatewayInput.setAttribute('aria-invalid', gateway.problem ? 'true' : 'false');
    const secret = looksLikeStripeSecret(keyInput.value);
    keyWarning.hidden = !secret;
    keyWarning.textContent = secret
      ? 'This looks like a Stripe secret key. The page never needs it and will not store or send it: the gateway reads it from STRIPE_SECRET_KEY.'
      : '';
    const missingPath = pathControls.filter(({ control }) => control.value() === undefined).map(({ name }) => name);
    const problem = !gateway.url
      ? 'Enter a gateway URL above to enable sending.'
      : secret
        ? 'Clear the Stripe key from the access key field to enable sending.'
        : missingPath.length > 0
          ? `Fill in the path parameter ${missingPath.join(', ')} to enable sending.`
          : fromDisk && !keyInput.value
            ? 'Enter the gateway access key: a page opened from disk needs it.'
            : '';
    send.disabled = problem !== '';
    hint.textContent = problem || `Sends ${spec.operation.method} ${spec.operation.path} through ${gateway.url}.`;
  };

  gatewayInput.addEventListener('input', () => {
    const gateway = parseGatewayUrl(gatewayInput.value);
    saveGatewayUrl(gateway.url ?? '');
  });
  const storeKey = () => saveAccessKey(looksLikeStripeSecret(keyInput.value) ? '' : keyInput.value, remember.checked);
  keyInput.addEventListener('input', storeKey);
  remember.addEventListener('change', storeKey);
  const store = (event: Event) => {
    if ((event.target as HTMLElement | null)?.closest('#try-it-fields')) saveForm(spec.operation.id, { params: params(), path: pathValues() });
  };
  form.addEventListener('input', (event) => (store(event), refresh()));
  form.addEventListener('change', (event) => (store(event), refresh()));
  byId('reset-form').addEventListener('click', () => {
    forgetForm(spec.operation.id);
    restore(undefined);
    byId('form-status').textContent = 'The form is cleared, and its saved values forgotten.';
    refresh();
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  send.addEventListener('click', () => {
    const gateway = parseGatewayUrl(gatewayInput.value);
    if (!gateway.url || looksLikeStripeSecret(keyInput.value)) return;
    send.disabled = true;
    void sendAndShow(buildRequest(spec.operation, gateway.url, params(), pathValues(), keyInput.value)).finally(refresh);
  });

  wireCopyButtons();
  linkReferenceNames();
  refresh();
  window.addEventListener('hashchange', revealTarget);
  revealTarget();
}

/** A link to a nested parameter or an example error opens the folded sections around it. */
function revealTarget(): void {
  let id = location.hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // Keep the fragment as written.
  }
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  for (let details = target.closest('details'); details; details = details.parentElement?.closest('details') ?? null) details.open = true;
  target.scrollIntoView();
}

function collect(controls: { name: string; control: Control }[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, control } of controls) {
    const value = control.value();
    if (value !== undefined) out[name] = value;
  }
  return out;
}

start();
