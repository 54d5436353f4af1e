/** Sync settings, with secrets written to the secret store and never read back. */
import type { Settings } from '../../../shared/api/sync.js';
import type { SecretStore } from '../secrets.js';
import type { SettingsRepository } from '../settings.js';
import type { HandlerMap } from './types.js';

export function settingsHandlers(settings: SettingsRepository, secrets: SecretStore): HandlerMap<'getSettings' | 'saveSettings'> {
  const current = (): Settings => ({
    ...settings.get(),
    hasFeedToken: secrets.get('feedToken') !== null,
    hasApiKey: secrets.get('apiKey') !== null,
    secretsPersisted: secrets.persisted,
    secretsWarning: secrets.warning,
  });
  return {
    getSettings: () => current(),
    saveSettings: ({ feedToken, apiKey, ...rest }) => {
      settings.update(rest);
      if (feedToken !== undefined) secrets.set('feedToken', feedToken);
      if (apiKey !== undefined) secrets.set('apiKey', apiKey);
      return current();
    },
  };
}
