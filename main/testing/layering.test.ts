import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO } from './cli.js';

// The layering of DESIGN §1 is enforced by lint; these prove the rules bite.
const eslint = new ESLint({ cwd: REPO });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint', () => {
  it('keeps node, electron and our other sides out of shared/', async () => {
    expect(await problems('shared/ats/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([
      expect.stringMatching(/no node built-ins/),
    ]);
    expect(await problems('shared/bad.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n")).toHaveLength(1);
    expect(await problems('shared/bad.ts', "import { x } from '../main/db/open.js';\nexport const y = x;\n")).toHaveLength(1);
  });

  it('lets the renderer import only shared/', async () => {
    expect(await problems('renderer/bad.ts', "import { openDatabase } from '../main/db/open.js';\nexport const x = openDatabase;\n")).toHaveLength(1);
    expect(await problems('renderer/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toHaveLength(1);
    expect(await problems('renderer/ok.ts', "import { sortKey } from '../shared/text.js';\nexport const x = sortKey;\n")).toEqual([]);
  });

  it('lets only main/app import electron, and no service import a face', async () => {
    expect(await problems('main/db/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await problems('main/sync/bad.ts', "import { COMMANDS } from '../cli/commands.js';\nexport const x = COMMANDS;\n")).toHaveLength(1);
    expect(await problems('main/app/ok.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });
});
