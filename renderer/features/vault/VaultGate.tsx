/**
 * The desktop window behind its lock (issue #9): the app only while the database is open;
 * otherwise the progress of its encryption, the passphrase form, or why it cannot open.
 */
import { createContext, useContext, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { VaultApi, VaultState } from '../../../shared/api/vault';
import { resetStore } from '../../app/store';
import { VaultSession } from './vault-session';

/** "Lock" for the top bar: present where a passphrase protects the database. */
export const LockContext = createContext<(() => void) | null>(null);
export const useLock = () => useContext(LockContext);

export function VaultGate({ vault, start, children }: { vault: VaultApi; start: () => () => void; children: ReactNode }) {
  const [state, setState] = useState<VaultState | null>(null);
  useEffect(() => {
    const session = new VaultSession({ vault, start, clear: () => resetStore(), onState: setState });
    session.connect();
    return () => session.disconnect();
  }, [vault, start]);

  if (state?.status === 'unlocked') {
    return <LockContext.Provider value={state.canLock ? () => void vault.lock() : null}>{children}</LockContext.Provider>;
  }
  return (
    <main className="lock-screen">
      <div className="lock-card">
        <h1>Candidate Viewer</h1>
        {state === null && <p aria-busy="true">Opening…</p>}
        {state?.status === 'opening' && <Opening state={state} />}
        {state?.status === 'locked' && <Unlock vault={vault} state={state} />}
        {state?.status === 'failed' && (
          <div role="alert" className="alert alert-error">
            <p>The database cannot be opened: {state.message}</p>
          </div>
        )}
      </div>
    </main>
  );
}

function Opening({ state }: { state: Extract<VaultState, { status: 'opening' }> }) {
  if (!state.encrypting) return <p aria-busy="true">Opening the database…</p>;
  const percent = state.progress === null ? null : Math.round(state.progress * 100);
  return (
    <>
      <p id="encrypting-label">Encrypting your database. This happens once; it can take a minute on a large one.</p>
      <progress aria-labelledby="encrypting-label" max={100} value={percent ?? undefined} />
      {percent !== null && <p className="muted">{percent}%</p>}
    </>
  );
}

function Unlock({ vault, state }: { vault: VaultApi; state: Extract<VaultState, { status: 'locked' }> }) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ids = { passphrase: useId(), again: useId(), hint: useId() };
  useEffect(() => input.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (state.firstTime && passphrase !== again) {
      setError('The two passphrases differ.');
      return;
    }
    setBusy(true);
    setError(null);
    void vault.unlock(passphrase).then((answer) => {
      setBusy(false);
      if (!answer.ok) {
        setError(answer.message);
        input.current?.select();
      }
    });
  };

  return (
    <form onSubmit={submit} aria-label={state.firstTime ? 'Choose a passphrase' : 'Unlock'}>
      <p id={ids.hint}>
        {state.firstTime
          ? 'Choose a passphrase to encrypt the candidates kept on this computer. It cannot be recovered if you forget it.'
          : 'The candidates on this computer are locked. Type your passphrase to open them.'}
      </p>
      {state.why !== null && <p className="muted">{state.why}</p>}
      <label htmlFor={ids.passphrase}>Passphrase</label>
      <input
        ref={input}
        id={ids.passphrase}
        type="password"
        autoComplete={state.firstTime ? 'new-password' : 'current-password'}
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
        aria-describedby={ids.hint}
        aria-invalid={error !== null}
        disabled={busy}
      />
      {state.firstTime && (
        <>
          <label htmlFor={ids.again}>Passphrase again</label>
          <input id={ids.again} type="password" autoComplete="new-password" value={again} onChange={(event) => setAgain(event.target.value)} disabled={busy} />
        </>
      )}
      {error !== null && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy || passphrase === ''}>
        {busy ? 'Opening…' : state.firstTime ? 'Set passphrase' : 'Unlock'}
      </button>
    </form>
  );
}
