/** Sync settings: sources' addresses and ids; secrets are write-only (we only learn whether one is saved). */
import type { ApiError, SettingsUpdate } from '../../../shared/api/contract';
import type { RetentionPreview } from '../../../shared/api/privacy';
import type { Settings } from '../../../shared/api/sync';
import type { SliceCreator } from '../../app/store-context';

export interface SettingsSlice {
  settings: Settings | null;
  /** Goes up each time settings arrive from main, so forms start again from what is saved. */
  settingsVersion: number;
  settingsError: ApiError | null;
  settingsSaving: boolean;
  settingsSaveError: ApiError | null;
  /** When the last save succeeded (for a brief "Saved"). */
  settingsSavedAt: number | null;

  loadSettings(): void;
  saveSettings(update: SettingsUpdate): Promise<boolean>;

  /** What "remove closed applications after N months" would remove now (issue #9). */
  retentionPreview: { months: number; preview: RetentionPreview | null; error: ApiError | null } | null;
  previewRetention(months: number): void;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get, ctx) => ({
  retentionPreview: null,
  previewRetention(months) {
    set({ retentionPreview: { months, preview: null, error: null } });
    void ctx.api.previewRetention({ months }).then((answer) => {
      if (!ctx.alive() || get().retentionPreview?.months !== months) return;
      set({ retentionPreview: answer.ok ? { months, preview: answer.value, error: null } : { months, preview: null, error: answer.error } });
    });
  },

  settings: null,
  settingsVersion: 0,
  settingsError: null,
  settingsSaving: false,
  settingsSaveError: null,
  settingsSavedAt: null,

  loadSettings() {
    void ctx.api.getSettings({}).then((answer) => {
      if (!ctx.alive()) return;
      if (answer.ok) set((state) => ({ settings: answer.value, settingsVersion: state.settingsVersion + 1, settingsError: null }));
      else set({ settingsError: answer.error });
    });
  },

  async saveSettings(update) {
    set({ settingsSaving: true, settingsSaveError: null, settingsSavedAt: null });
    const answer = await ctx.api.saveSettings(update);
    if (!ctx.alive()) return false;
    if (answer.ok) {
      set((state) => ({
        settings: answer.value,
        settingsVersion: state.settingsVersion + 1,
        settingsSaving: false,
        settingsSavedAt: ctx.now(),
      }));
      return true;
    }
    set({ settingsSaving: false, settingsSaveError: answer.error });
    return false;
  },
});
