/** "Export key to a file…" in the sync panel (desktop only): the database's key for the CLI's --key-file. */
import { useId, useState } from 'react';
import type { KeyExportAnswer } from '../../../shared/api/vault';

export function KeyExport() {
  const vault = window.api?.vault;
  const [answer, setAnswer] = useState<KeyExportAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const title = useId();
  if (vault === undefined) return null;
  const save = () => {
    setBusy(true);
    void vault.exportKey().then((result) => {
      setBusy(false);
      setAnswer(result);
    });
  };
  return (
    <section className="panel-section source" aria-labelledby={title}>
      <h3 id={title}>Database key</h3>
      <p className="source-description">
        The candidates on this computer are encrypted. To open them with the command line (<code>--key-file</code>), save the key to a
        file. <strong>Anyone with that file and the database can read every candidate in it:</strong> keep it somewhere safe and delete it
        when you no longer need it.
      </p>
      <button type="button" className="btn" onClick={save} disabled={busy}>
        Export key to a file…
      </button>
      {answer !== null && (
        <p role="status" className="field-hint">
          {answer.ok ? (answer.path === null ? 'Not saved.' : `Saved to ${answer.path}.`) : answer.message}
        </p>
      )}
    </section>
  );
}
