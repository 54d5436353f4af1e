#!/usr/bin/env node
/**
 * The headless command line (DESIGN §4): the same services the desktop app uses.
 * Exit 0 ok (also when some events were rejected), 1 failed, 2 usage.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CommandError, UsageError } from './cli/errors.js';
import { COMMANDS, usage } from './cli/commands.js';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(name)}`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true } as ParseArgsConfig);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  if (parsed.values.help === true) {
    process.stdout.write(`usage: candidate-viewer ${name} ${command.usage}\n`);
    return 0;
  }
  return command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n${usage(true)}`);
      process.exitCode = 2;
    } else if (error instanceof CommandError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`error: ${message}\n`);
      if (process.env.CANDIDATE_VIEWER_DEBUG) console.error(error);
      process.exitCode = 1;
    }
  },
);
