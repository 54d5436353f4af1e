/** Saving one attachment's bytes, exactly as decoded, under a safe name. */
import { AttachmentError, AttachmentService } from '../attachments/service.js';
import { COMMON, str, withExistingDb, type Command } from './context.js';
import { CommandError, UsageError } from './errors.js';
import { writeJson } from './output.js';

const attachment: Command = {
  summary: 'save attachment n (as listed by show, from 1) of an application: into a folder under its sanitised name, or as FILE',
  usage: '<applicationId> <n> --out PATH [--force] [--db PATH] [--json]',
  options: { ...COMMON, out: { type: 'string' }, force: { type: 'boolean' } },
  async run(values, positionals) {
    if (positionals.length !== 2) throw new UsageError('attachment takes an application id and the attachment number n');
    const [id, nText] = positionals as [string, string];
    if (!/^\d+$/.test(nText) || Number(nText) < 1) throw new UsageError(`n is the attachment's number as show lists them, from 1; got ${JSON.stringify(nText)}`);
    const out = str(values, 'out');
    if (out === undefined || out === '') throw new UsageError('attachment needs --out PATH (a folder, or the file to write)');
    const saved = withExistingDb(values, (db) => {
      try {
        return new AttachmentService(db).saveTo({ id, n: Number(nText) }, out, { force: values.force === true });
      } catch (error) {
        if (error instanceof AttachmentError) throw new CommandError(error.message);
        throw error;
      }
    });
    if (values.json === true) writeJson(saved);
    else process.stdout.write(`Saved ${saved.out} (${saved.size} bytes, ${saved.mediaType})\n`);
    return 0;
  },
};

export const ATTACHMENT_COMMANDS: Readonly<Record<string, Command>> = { attachment };
