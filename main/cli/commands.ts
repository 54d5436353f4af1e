/** The commands of DESIGN §4, one file per feature, each a thin layer over the services. */
import { ATTACHMENT_COMMANDS } from './attachment-commands.js';
import { BROWSE_COMMANDS } from './browse-commands.js';
import type { Command } from './context.js';
import { EXPORT_COMMANDS } from './export-commands.js';
import { PRIVACY_COMMANDS } from './privacy-commands.js';
import { REPORT_COMMANDS } from './report-commands.js';
import { SYNC_COMMANDS } from './sync-commands.js';

export type { Command };

export const COMMANDS: Readonly<Record<string, Command>> = {
  ...SYNC_COMMANDS,
  ...BROWSE_COMMANDS,
  ...ATTACHMENT_COMMANDS,
  ...EXPORT_COMMANDS,
  ...REPORT_COMMANDS,
  ...PRIVACY_COMMANDS,
};

export function usage(short = false): string {
  if (short) return `usage: candidate-viewer <${Object.keys(COMMANDS).join('|')}> [options]   (--help for more)\n`;
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name} ${command.usage}\n      ${command.summary}`);
  return `usage: candidate-viewer <command> [options]\n\n${lines.join('\n')}\n\n--db PATH defaults to $CANDIDATE_VIEWER_DB, else the desktop app's database.\n` +
    `--key-file PATH (else $CANDIDATE_VIEWER_DB_KEY) opens an encrypted database: a passphrase or 64 hex digits; a database created with a key is encrypted.\n`;
}
