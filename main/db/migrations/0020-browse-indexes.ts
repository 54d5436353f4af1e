/**
 * Indexes for the list view: each leads with `deleted` (tombstones are hidden by
 * default), then the filter column, then the default sort (`updated_at DESC, id`),
 * so the default page is an index walk with no sort step. Rowids ride along, so deep pages are served from the index alone.
 */
export const sql = `
CREATE INDEX applications_by_updated ON applications(deleted, updated_at DESC, id);
CREATE INDEX applications_by_applied ON applications(deleted, applied_at DESC, id);
CREATE INDEX applications_by_name ON applications(deleted, name_key, id);
CREATE INDEX applications_by_job_title ON applications(deleted, job_title COLLATE NOCASE, id);
CREATE INDEX applications_by_status ON applications(deleted, status, updated_at DESC, id);
CREATE INDEX applications_by_stage ON applications(deleted, stage, updated_at DESC, id);
CREATE INDEX applications_by_job ON applications(deleted, job_id, updated_at DESC, id);
CREATE INDEX applications_by_origin ON applications(deleted, origin, updated_at DESC, id);
CREATE INDEX applications_by_owner ON applications(deleted, owner, updated_at DESC, id);
CREATE INDEX applications_by_owner_id ON applications(owner_id);
-- All facet counts come from one ordered scan of this covering index.
CREATE INDEX applications_facets ON applications(deleted, facet_key, applied_at);
CREATE INDEX interviewers_by_user ON interviewers(user_id);
`;
