/** Non-secret settings in the database's `settings` table. */
import type { Db } from '../db/open.js';

export interface StoredSettings {
  feedUrl: string;
  integrationId: string;
  upstreamBaseUrl: string;
  webhookPort: number;
  /** Closed applications are erased this many months after their last update; 0: never (issue #9). */
  retentionMonths: number;
}

const DEFAULTS: StoredSettings = { feedUrl: '', integrationId: '', upstreamBaseUrl: '', webhookPort: 0, retentionMonths: 0 };

export class SettingsRepository {
  private readonly read;
  private readonly write;
  constructor(db: Db) {
    this.read = db.prepare<[], { key: string; value: string | null }>("SELECT key, value FROM settings WHERE key LIKE 'setting:%'");
    this.write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  get(): StoredSettings {
    const settings: StoredSettings = { ...DEFAULTS };
    for (const row of this.read.all()) {
      const key = row.key.slice('setting:'.length) as keyof StoredSettings;
      if (!(key in DEFAULTS) || row.value === null) continue;
      if (key === 'webhookPort' || key === 'retentionMonths') settings[key] = Number(row.value) || 0;
      else settings[key] = row.value;
    }
    return settings;
  }

  update(changes: Partial<StoredSettings>): StoredSettings {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined && key in DEFAULTS) this.write.run(`setting:${key}`, String(value));
    }
    return this.get();
  }
}
