/**
 * Indexes for the reports that read interviews (DESIGN §4), so none of them reads the wide
 * interview rows:
 *
 * - `interviews_reports` holds what the reports ask of an interview, in the table's own
 *   order (app_pk, pos): its status, start and the Monday of its week, the week stored so
 *   no report computes a date per interview. Sources scans it for who was interviewed,
 *   the interviewers report looks each listing's interview up in it.
 * - `interviewers_by_person` replaces `interviewers_by_user` (user id alone): the same
 *   lookups by id, and the interviewers report reads each person's listings together,
 *   so it counts them in index order instead of sorting every listing.
 */
export const sql = `
CREATE INDEX interviews_reports ON interviews(app_pk, pos, status, scheduled_start, date(scheduled_start, '-6 days', 'weekday 1'));
DROP INDEX interviewers_by_user;
CREATE INDEX interviewers_by_person ON interviewers(user_id, email);
`;
