/**
 * Where the feed token and the upstream API key live. The Electron shell keeps them with
 * safeStorage (main/app); elsewhere they stay in this process's memory only, and the UI
 * says so. Secrets are never written to plain files or logs.
 */
export type SecretName = 'feedToken' | 'apiKey';

export interface SecretStore {
  /** True when secrets survive a restart in an OS secret store. */
  readonly persisted: boolean;
  /** Why they are not persisted, shown to the user. */
  readonly warning: string | null;
  get(name: SecretName): string | null;
  /** `null` or '' forgets the secret. */
  set(name: SecretName, value: string | null): void;
}

export class MemorySecretStore implements SecretStore {
  readonly persisted = false;
  private readonly values = new Map<SecretName, string>();
  constructor(
    readonly warning: string | null = 'Secrets are kept in memory only and are forgotten when this window closes.',
    initial: Partial<Record<SecretName, string | undefined>> = {},
  ) {
    for (const [name, value] of Object.entries(initial)) if (value) this.values.set(name as SecretName, value);
  }
  get(name: SecretName): string | null {
    return this.values.get(name) ?? null;
  }
  set(name: SecretName, value: string | null): void {
    if (value === null || value === '') this.values.delete(name);
    else this.values.set(name, value);
  }
}
