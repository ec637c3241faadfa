import { Option, type Command } from 'commander';
import { SdkgenError } from '../../../errors.js';
import type { ApiModel } from '../../../model/types.js';
import { MockWebhooks } from './mock-webhooks.js';

export interface WebhookFlags {
  webhook: string[];
  webhookSecret?: string;
}

/** `--webhook URL` (repeatable) and `--webhook-secret whsec_…`, for `sdkgen mock`. */
export function addWebhookOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--webhook <url>', 'POST signed events to this URL (repeatable)')
        .argParser((url: string, all: string[]) => [...all, url])
        .default([] as string[], 'none: events are only listed by GET /v1/events'),
    )
    .option('--webhook-secret <secret>', 'the signing secret (whsec_…) for deliveries (default: a new one, printed at start)');
}

/** The mock's webhooks from its flags; says which secret signs, so the user can set it in their handler. */
export function startMockWebhooks(model: ApiModel, flags: WebhookFlags, write: (line: string) => void): MockWebhooks {
  const webhooks = new MockWebhooks({ model, endpoints: flags.webhook, secret: flags.webhookSecret, log: write });
  const where = flags.webhook.length > 0 ? `delivers to ${flags.webhook.join(', ')}` : 'keeps events for GET /v1/events (no --webhook given)';
  write(`webhooks: signing secret ${webhooks.secret}; ${where}`);
  return webhooks;
}

/**
 * `sdkgen mock trigger <type> --id <id>`: asks a running mock to move an object to the state `type`
 * names and send its event. Prints the event; one clear line when the mock refuses.
 */
export async function triggerOnRunningMock(options: { baseUrl: string; type: string; id: string; apiKey: string }): Promise<{ object: unknown; event: unknown }> {
  let response: Response;
  try {
    response = await fetch(new URL('/__mock/trigger', options.baseUrl), {
      method: 'POST',
      headers: { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ type: options.type, id: options.id }).toString(),
    });
  } catch (error) {
    throw new SdkgenError(`no mock answers at ${options.baseUrl}: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`, {
      hint: 'start it with `sdkgen mock`, or pass --port',
    });
  }
  const body = (await response.json().catch(() => ({}))) as { error?: { message?: string }; object?: unknown; event?: unknown };
  if (!response.ok) throw new SdkgenError(`the mock refused the trigger: ${body.error?.message ?? `HTTP ${response.status}`}`);
  return { object: body.object, event: body.event };
}
