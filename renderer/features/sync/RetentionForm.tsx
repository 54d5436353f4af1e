/**
 * "Remove closed applications (rejected or hired) after N months" (issue #9): off by
 * default; before it is turned on the panel says how many applications it would remove now.
 */
import { useEffect, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../app/store';
import { ErrorAlert } from '../../ui/Alert';
import { countOf } from '../../ui/format';

const DEFAULT_MONTHS = 12;

export function RetentionForm() {
  const { settings, version, preview, previewRetention, saveSettings, saving } = useApp(
    useShallow((s) => ({
      settings: s.settings,
      version: s.settingsVersion,
      preview: s.retentionPreview,
      previewRetention: s.previewRetention,
      saveSettings: s.saveSettings,
      saving: s.settingsSaving,
    })),
  );
  const saved = settings?.retentionMonths ?? 0;
  const [on, setOn] = useState(saved > 0);
  const [months, setMonths] = useState(String(saved > 0 ? saved : DEFAULT_MONTHS));
  const ids = { title: useId(), months: useId(), hint: useId() };
  useEffect(() => {
    setOn(saved > 0);
    setMonths(String(saved > 0 ? saved : DEFAULT_MONTHS));
  }, [saved, version]);

  const value = Number(months);
  const valid = /^\d+$/.test(months.trim()) && value >= 1 && value <= 240;
  const dirty = on ? !(saved === value) : saved > 0;
  useEffect(() => {
    if (on && valid && saved !== value) previewRetention(value);
  }, [on, valid, value, saved, previewRetention]);

  if (settings === null) return null;
  const shown = preview !== null && preview.months === value ? preview : null;
  return (
    <section className="panel-section source" aria-labelledby={ids.title}>
      <h3 id={ids.title}>Data retention</h3>
      <p className="source-description">
        Closed applications are erased from this computer once they have not changed for the time you choose, at start and after each sync. The ATS keeps them.
      </p>
      <label className="checkbox-row">
        <input type="checkbox" checked={on} onChange={(event) => setOn(event.target.checked)} />
        Remove closed applications (rejected or hired) after
        <input
          id={ids.months}
          className="input-months"
          type="number"
          min={1}
          max={240}
          inputMode="numeric"
          aria-label="Months"
          aria-describedby={ids.hint}
          aria-invalid={on && !valid}
          value={months}
          disabled={!on}
          onChange={(event) => setMonths(event.target.value)}
        />
        months
      </label>
      <p id={ids.hint} className="field-hint" role="status">
        {!on
          ? saved > 0
            ? 'Turning it off keeps every application from now on.'
            : 'Off: nothing is removed.'
          : !valid
            ? 'Choose from 1 to 240 months.'
            : saved === value
              ? 'On.'
              : shown?.preview != null
                ? `Applying removes ${countOf(shown.preview.applications, 'closed application')} now${shown.preview.attachments > 0 ? ` and ${countOf(shown.preview.attachments, 'attachment')}` : ''}.`
                : 'Counting what it would remove…'}
      </p>
      {shown?.error != null && <ErrorAlert message={`Could not count: ${shown.error.message}`} />}
      <button type="button" className="btn" disabled={!dirty || (on && !valid) || saving} onClick={() => void saveSettings({ retentionMonths: on ? value : 0 })}>
        Apply retention
      </button>
    </section>
  );
}
