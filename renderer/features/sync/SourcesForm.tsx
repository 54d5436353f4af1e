/**
 * Where applications come from: demo data, a feed, the upstream API, the webhook receiver.
 * Secrets (feed token, API key) are write-only: the form only learns whether one is saved.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { SettingsUpdate, SyncSource } from '../../../shared/api/contract';
import type { Settings } from '../../../shared/api/sync';
import { useApp } from '../../app/store';
import { ErrorAlert } from '../../ui/Alert';
import { formatCount } from '../../ui/format';

export function SourcesForm() {
  const settings = useApp((s) => s.settings);
  const version = useApp((s) => s.settingsVersion);
  return (
    <>
      <DemoSource />
      {settings === null ? <p className="muted">Loading settings…</p> : <SettingsForm key={version} settings={settings} />}
    </>
  );
}

function Section({ title, description, children }: { title: string; description: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel-section source" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p className="source-description">{description}</p>
      {children}
    </section>
  );
}

function Field({ label, hint, children }: { label: string; hint?: ReactNode; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint !== undefined && <p className="field-hint">{hint}</p>}
    </div>
  );
}

function useBusy() {
  const running = useApp((s) => s.syncState?.running ?? null);
  const starting = useApp((s) => s.syncStarting);
  return running !== null || starting;
}

function DemoSource() {
  const startSync = useApp((s) => s.startSync);
  const busy = useBusy();
  const [count, setCount] = useState('500');
  const parsed = Number(count);
  const valid = count.trim() !== '' && Number.isInteger(parsed) && parsed >= 0 && parsed <= 1_000_000;
  return (
    <Section title="Demo data" description="A realistic, made-up company with jobs, interviews, offers and attachments. Loading it again changes nothing already loaded.">
      <div className="field-row">
        <Field label="Number of applications" hint={valid ? undefined : 'A whole number from 0 to 1,000,000.'}>
          {(id) => (
            <input id={id} type="number" min={0} max={1_000_000} step={1} inputMode="numeric" value={count} aria-invalid={!valid} onChange={(e) => setCount(e.target.value)} />
          )}
        </Field>
        <button type="button" className="btn" disabled={!valid || busy} onClick={() => void startSync({ kind: 'demo', count: parsed })}>
          Load demo data
        </button>
      </div>
    </Section>
  );
}

function secretPlaceholder(saved: boolean): string {
  return saved ? 'Saved — type to replace' : 'Not set';
}

function SettingsForm({ settings }: { settings: Settings }) {
  const saveSettings = useApp((s) => s.saveSettings);
  const saving = useApp((s) => s.settingsSaving);
  const saveError = useApp((s) => s.settingsSaveError);
  const savedAt = useApp((s) => s.settingsSavedAt);
  const startSync = useApp((s) => s.startSync);
  const receiver = useApp((s) => s.syncState?.receiver ?? null);
  const receiverBusy = useApp((s) => s.receiverBusy);
  const startReceiver = useApp((s) => s.startReceiver);
  const stopReceiver = useApp((s) => s.stopReceiver);
  const busy = useBusy();

  const [feedUrl, setFeedUrl] = useState(settings.feedUrl);
  const [feedToken, setFeedToken] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [integrationId, setIntegrationId] = useState(settings.integrationId);
  const [upstreamBaseUrl, setUpstreamBaseUrl] = useState(settings.upstreamBaseUrl);
  const [port, setPort] = useState(String(settings.webhookPort));

  const portNumber = Number(port);
  const portValid = port.trim() !== '' && Number.isInteger(portNumber) && portNumber >= 0 && portNumber <= 65535;
  const feedUrlValid = feedUrl.trim() === '' || /^https?:\/\/\S+$/i.test(feedUrl.trim());
  const baseUrlValid = upstreamBaseUrl.trim() === '' || /^https?:\/\/\S+$/i.test(upstreamBaseUrl.trim());
  const valid = portValid && feedUrlValid && baseUrlValid;
  const dirty =
    feedUrl !== settings.feedUrl ||
    feedToken !== '' ||
    apiKey !== '' ||
    integrationId !== settings.integrationId ||
    upstreamBaseUrl !== settings.upstreamBaseUrl ||
    port !== String(settings.webhookPort);

  const update = (): SettingsUpdate => ({
    feedUrl: feedUrl.trim(),
    integrationId: integrationId.trim(),
    upstreamBaseUrl: upstreamBaseUrl.trim(),
    webhookPort: portNumber,
    ...(feedToken !== '' ? { feedToken } : {}),
    ...(apiKey !== '' ? { apiKey } : {}),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) void saveSettings(update());
  };

  /** Saves what was typed first, so a sync uses what the form shows. */
  const saveThenSync = async (source: SyncSource) => {
    if (dirty) {
      if (!valid || !(await saveSettings(update()))) return;
    }
    await startSync(source);
  };

  const receiverUrl = receiver !== null && receiver.url !== null ? receiver.url : null;
  const receiverError = receiver !== null && receiver.url === null ? receiver.error : null;

  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate>
      <Section title="Feed" description="Pull events from a relay’s feed (the relay receives the ATS webhooks for you).">
        <Field label="Feed URL" hint={feedUrlValid ? undefined : 'Must start with http:// or https://'}>
          {(id) => (
            <input id={id} type="url" placeholder="https://relay.example.com/feed" value={feedUrl} aria-invalid={!feedUrlValid} onChange={(e) => setFeedUrl(e.target.value)} />
          )}
        </Field>
        <SecretField label="Feed token" saved={settings.hasFeedToken} value={feedToken} onChange={setFeedToken} onForget={() => void saveSettings({ feedToken: '' })} />
        <div className="source-actions">
          <button
            type="button"
            className="btn"
            disabled={busy || feedUrl.trim() === '' || !valid}
            onClick={() => void saveThenSync({ kind: 'feed' })}
          >
            Sync feed
          </button>
        </div>
      </Section>

      <Section title="Upstream API" description="Ask the unified ATS API to start a sync; its events then arrive through the webhook receiver or your relay.">
        <SecretField label="API key" saved={settings.hasApiKey} value={apiKey} onChange={setApiKey} onForget={() => void saveSettings({ apiKey: '' })} />
        <Field label="Integration ID">
          {(id) => <input id={id} type="text" autoComplete="off" spellCheck={false} value={integrationId} onChange={(e) => setIntegrationId(e.target.value)} />}
        </Field>
        <Field label="API base URL" hint={baseUrlValid ? 'Leave empty for the default.' : 'Must start with http:// or https://'}>
          {(id) => (
            <input id={id} type="url" placeholder="Default" value={upstreamBaseUrl} aria-invalid={!baseUrlValid} onChange={(e) => setUpstreamBaseUrl(e.target.value)} />
          )}
        </Field>
        <div className="source-actions">
          <button
            type="button"
            className="btn"
            disabled={busy || !valid || (!settings.hasApiKey && apiKey === '') || integrationId.trim() === ''}
            onClick={() => void saveThenSync({ kind: 'upstream' })}
          >
            Start upstream sync
          </button>
        </div>
      </Section>

      <Section title="Webhook receiver" description="Receive signed events pushed by the ATS while the app is open (needs an address the ATS can reach).">
        <div className="field-row">
          <Field label="Webhook port" hint={portValid ? '0 picks a free port.' : 'A port from 0 to 65535.'}>
            {(id) => <input id={id} type="number" min={0} max={65535} inputMode="numeric" value={port} aria-invalid={!portValid} onChange={(e) => setPort(e.target.value)} />}
          </Field>
          {receiverUrl === null ? (
            <button type="button" className="btn" disabled={receiverBusy} onClick={startReceiver}>
              Start receiver
            </button>
          ) : (
            <button type="button" className="btn" disabled={receiverBusy} onClick={stopReceiver}>
              Stop receiver
            </button>
          )}
        </div>
        {receiverUrl !== null && receiver !== null && 'receivedSinceStart' in receiver && (
          <p className="receiver-running">
            <span className="sync-dot sync-dot-ok" aria-hidden="true" />
            Listening on <code className="break">{receiverUrl}</code> · {formatCount(receiver.receivedSinceStart)} received
          </p>
        )}
        {receiverError !== null && receiverError !== undefined && <p className="field-error">Receiver stopped: {receiverError}</p>}
      </Section>

      {saveError !== null && <ErrorAlert message={`Settings were not saved: ${saveError.message}`} />}
      <div className="form-footer">
        <span className="muted" aria-live="polite">
          {saving ? 'Saving…' : savedAt !== null && !dirty ? 'Saved.' : dirty ? 'Unsaved changes' : ''}
        </span>
        <button type="submit" className="btn btn-primary" disabled={saving || !valid || !dirty}>
          Save
        </button>
      </div>
    </form>
  );
}

function SecretField(props: { label: string; saved: boolean; value: string; onChange(value: string): void; onForget(): void }) {
  return (
    <Field label={props.label}>
      {(id) => (
        <div className="secret">
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            placeholder={secretPlaceholder(props.saved)}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
          />
          {props.saved && props.value === '' && (
            <>
              <span className="saved-tag">saved</span>
              <button type="button" className="btn btn-link" onClick={props.onForget} aria-label={`Forget ${props.label.toLowerCase()}`}>
                Forget
              </button>
            </>
          )}
        </div>
      )}
    </Field>
  );
}
