/**
 * Test helper: `node --import tsx encrypt-and-die.ts DB HEXKEY STEP` encrypts DB and
 * kills its own process with SIGKILL right after STEP, as a power cut would.
 */
import { encryptInPlace, type EncryptStep } from '../db/encryption.js';

const [file, hex, stopAfter] = process.argv.slice(2) as [string, string, EncryptStep];
await encryptInPlace(file, { kind: 'hex', hex }, {
  onStep: (step) => {
    if (step === stopAfter) process.kill(process.pid, 'SIGKILL');
  },
});
process.stderr.write(`finished without reaching ${stopAfter}\n`);
process.exit(3);
