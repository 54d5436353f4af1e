/** Job ids to the titles the sidebar shows, for saying which jobs a filter picked. */
import { useMemo } from 'react';
import { useApp } from '../../app/store';

export function useJobTitles(): ReadonlyMap<string, string> {
  const jobs = useApp((s) => s.facets?.job);
  return useMemo(() => {
    const titles = new Map<string, string>();
    for (const job of jobs ?? []) if (job.value !== null && job.label !== null) titles.set(job.value, job.label);
    return titles;
  }, [jobs]);
}
