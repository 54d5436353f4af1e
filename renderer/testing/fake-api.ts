/** A scriptable ApiClient for store tests: list calls wait until the test answers them. */
import type { ApplicationListItem, ListQuery } from '../../shared/api/applications';
import type { ApiClient, ApiError, Envelope } from '../../shared/api/contract';
import { disconnectedClient } from '../api/client';

export interface PendingList {
  query: ListQuery;
  answer(result?: { total?: number } | { error: ApiError }): Promise<void>;
}

export function listItem(n: number, prefix = 'app'): ApplicationListItem {
  return {
    id: `${prefix}-${n}`,
    candidateId: `cand-${n}`,
    candidateName: `Candidate ${n}`,
    email: `candidate${n}@example.com`,
    jobId: 'job-1',
    jobTitle: 'Data Analyst',
    stage: 'Phone Screen',
    status: 'ACTIVE',
    origin: 'REFERRAL',
    owner: 'owner@example.com',
    appliedAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
  };
}

/** Lets every pending promise callback run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

export function fakeApi(options: { total: number; prefix?: () => string }) {
  const pending: PendingList[] = [];
  const calls: ListQuery[] = [];
  const base = disconnectedClient();
  const client: ApiClient = {
    ...base,
    facets: async () => ({ ok: true, value: { status: [], stage: [], job: [], origin: [], owner: [] } }),
    getApplication: async ({ id }) => ({ ok: false, error: { code: 'not-found', message: `no ${id}` } }),
    listApplications: (query) =>
      new Promise<Envelope<{ total: number; items: ApplicationListItem[] }>>((resolve) => {
        calls.push(query);
        const entry: PendingList = {
          query,
          async answer(result) {
            pending.splice(pending.indexOf(entry), 1);
            if (result !== undefined && 'error' in result) {
              resolve({ ok: false, error: result.error });
            } else {
              const total = result?.total ?? options.total;
              const offset = query.offset ?? 0;
              const count = Math.max(0, Math.min(query.limit ?? 50, total - offset));
              const prefix = options.prefix?.() ?? 'app';
              resolve({ ok: true, value: { total, items: Array.from({ length: count }, (_, i) => listItem(offset + i, prefix)) } });
            }
            await settle();
          },
        };
        pending.push(entry);
      }),
  };
  return {
    client,
    calls,
    pending,
    /** Answers every waiting list call (and those they trigger), oldest first. */
    async answerAll(result?: { total?: number }) {
      while (pending.length > 0) await pending[0]!.answer(result);
    },
    offsets: () => pending.map((p) => p.query.offset),
  };
}
