/** Exit codes of DESIGN §4: 1 failed, 2 usage. */
import type { z } from 'zod';

export class UsageError extends Error {
  readonly exitCode = 2;
}
export class CommandError extends Error {
  readonly exitCode = 1;
}

/** A usage error naming the option a validation issue is about, in words a person can act on. */
export function optionError(option: string, issue: z.core.$ZodIssue): UsageError {
  if (issue.code === 'invalid_value') {
    return new UsageError(`--${option} must be one of ${issue.values.map(String).join(', ')}`);
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return new UsageError(`--${option} takes at most ${String(issue.maximum)} characters`);
  }
  return new UsageError(`--${option} ${issue.message}`);
}
