import { describe, expect, it } from 'vitest';
import type { VaultApi, VaultState } from '../../../shared/api/vault';
import { VaultSession } from './vault-session';

function fakeVault(initial: VaultState) {
  let listener: ((state: VaultState) => void) | null = null;
  const vault: VaultApi = {
    state: async () => initial,
    unlock: async () => ({ ok: true }),
    lock: async () => {},
    exportKey: async () => ({ ok: true, path: null }),
    onChange: (l) => {
      listener = l;
      return () => {
        listener = null;
      };
    },
  };
  return { vault, push: (state: VaultState) => listener?.(state), listening: () => listener !== null };
}

describe('VaultSession', () => {
  it('starts the app when unlocked, and on lock stops it and clears the store', async () => {
    const { vault, push, listening } = fakeVault({ status: 'locked', firstTime: false, why: null });
    const log: string[] = [];
    const states: string[] = [];
    const session = new VaultSession({
      vault,
      start: () => {
        log.push('start');
        return () => log.push('stop');
      },
      clear: () => log.push('clear'),
      onState: (state) => states.push(state.status),
    });
    session.connect();
    await Promise.resolve();
    await Promise.resolve();
    expect(states).toEqual(['locked']);
    expect(log).toEqual([]);
    push({ status: 'opening', progress: 0.5, encrypting: true });
    push({ status: 'unlocked', canLock: true, idleMinutes: 15 });
    push({ status: 'unlocked', canLock: true, idleMinutes: 15 });
    expect(log).toEqual(['start']);
    push({ status: 'locked', firstTime: false, why: null });
    expect(log).toEqual(['start', 'stop', 'clear']);
    expect(states).toEqual(['locked', 'opening', 'unlocked', 'unlocked', 'locked']);
    session.disconnect();
    expect(listening()).toBe(false);
  });

  it('does not let a late answer undo a change that came first', async () => {
    const { vault, push } = fakeVault({ status: 'locked', firstTime: true, why: null });
    const states: string[] = [];
    const session = new VaultSession({ vault, start: () => () => {}, clear: () => {}, onState: (s) => states.push(s.status) });
    session.connect();
    push({ status: 'unlocked', canLock: false, idleMinutes: 15 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(states).toEqual(['unlocked']);
  });
});
