/**
 * Reports count the applications the list shows by job, stage, status and origin: one
 * covering index serves them all (the pipeline's groups come out in index order), so a
 * report at 100k applications reads no table rows.
 */
export const sql = `
CREATE INDEX applications_reports ON applications(deleted, job_id, stage_id, stage, status, origin, applied_at);
`;
