/**
 * An error the user can act on: `where` says which file, pointer or argument is at fault,
 * `hint` what to do about it. The CLI prints these without a stack trace and exits non-zero.
 */
export class SdkgenError extends Error {
  readonly where: string | undefined;
  readonly hint: string | undefined;

  constructor(message: string, options: { where?: string; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SdkgenError';
    this.where = options.where;
    this.hint = options.hint;
  }

  format(): string {
    const lines = [`error: ${this.where ? `${this.where}: ` : ''}${this.message}`];
    if (this.hint) lines.push(`hint: ${this.hint}`);
    return lines.join('\n');
  }
}
