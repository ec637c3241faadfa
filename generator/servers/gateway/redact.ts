/**
 * Removes secrets from text before it leaves the gateway (response bodies, error messages, log lines).
 * Secrets shorter than 8 characters are not searched for: they would match ordinary text.
 */
export class Redactor {
  private readonly secrets: string[];

  constructor(secrets: (string | undefined)[]) {
    this.secrets = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  }

  text(input: string): string {
    let out = input;
    for (const secret of this.secrets) out = out.split(secret).join('[redacted]');
    return out;
  }

  buffer(input: Buffer): Buffer {
    return this.secrets.some((s) => input.includes(s)) ? Buffer.from(this.text(input.toString('utf8')), 'utf8') : input;
  }
}
