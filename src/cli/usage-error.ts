/** A mistake in how the CLI was invoked: reported in one line, exit status 2. */
export class UsageError extends Error {}
