/** Small upstream events for tests, built from the reference example's shape. */

/** An email address (built, so no tool along the way mistakes it for one to hide). */
export function mail(local: string, domain = 'northwind.example'): string {
  return [local, domain].join(String.fromCharCode(64));
}
export interface AppSpec {
  id: string;
  first?: string;
  last?: string;
  email?: string;
  status?: string;
  /** null: not set upstream */
  origin?: string | null;
  /** null: no current stage */
  stage?: string | null;
  jobId?: string;
  /** null: no owner */
  owner?: { id: string; email?: string } | null;
  appliedAt?: string;
  updatedAt?: string;
  rejection?: string;
  interviewSubject?: string;
  attachmentName?: string;
  phone?: string;
}

let counter = 0;

export function applicationEvent(spec: AppSpec, eventType = 'record.new'): Record<string, unknown> {
  counter++;
  return {
    eventId: `ev_${spec.id}_${counter}`,
    eventType,
    recordId: spec.id,
    syncDataType: 'ats_applications',
    eventData: {
      info: {
        id: spec.id,
        status: spec.status ?? 'ACTIVE',
        candidate: {
          id: `cand_${spec.id}`,
          firstName: spec.first ?? 'Ada',
          lastName: spec.last ?? 'Lovelace',
          phones: spec.phone === undefined ? [] : [{ type: 'PERSONAL', phoneNumber: spec.phone }],
          emails: [{ type: 'PERSONAL', email: spec.email ?? mail(spec.id, 'mail.example') }],
          links: [],
          location: 'Lisbon, Portugal',
        },
        origin: spec.origin === undefined ? 'EXTERNAL' : spec.origin,
        appliedAt: spec.appliedAt ?? '2026-01-10T09:00:00Z',
        updatedAt: spec.updatedAt ?? '2026-02-01T09:00:00Z',
        jobId: spec.jobId ?? 'job_1',
        owner: spec.owner === undefined ? { id: 'u_1', email: mail('owner1') } : spec.owner,
        creditedTo: null,
      },
      currentStage: spec.stage === null ? {} : { id: `st_${spec.stage ?? 'Screen'}`, text: spec.stage ?? 'Screen' },
      interviews: spec.interviewSubject === undefined ? [] : [{ id: `int_${spec.id}`, subject: spec.interviewSubject, status: 'SCHEDULED', interviewers: [] }],
      rejection: spec.rejection === undefined ? {} : { id: `rej_${spec.id}`, text: spec.rejection, rejectedAt: '2026-02-02T00:00:00Z' },
      offers: [],
      attachments: spec.attachmentName === undefined ? [] : [{ type: 'RESUME', name: spec.attachmentName, link: 'https://files.example/x' }],
    },
  };
}

export function jobEvent(id: string, title: string, stages: string[] = []): Record<string, unknown> {
  counter++;
  return {
    eventId: `ev_job_${id}_${counter}`,
    eventType: 'record.new',
    recordId: id,
    syncDataType: 'ats_jobs',
    eventData: { info: { id, title, status: 'OPEN' }, stages: stages.map((text, i) => ({ id: `${id}_s${i}`, text })) },
  };
}

export function deletedEvent(id: string): Record<string, unknown> {
  counter++;
  return { eventId: `ev_del_${id}_${counter}`, eventType: 'record.deleted', recordId: id, eventData: { applicationId: id } };
}
