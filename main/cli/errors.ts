/** Exit codes of DESIGN §4: 1 failed, 2 usage. */
export class UsageError extends Error {
  readonly exitCode = 2;
}
export class CommandError extends Error {
  readonly exitCode = 1;
}
