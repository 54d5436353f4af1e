/** One application as the detail pane shows it, from the normalised tables. */
import type { ApplicationDetail, DetailInterview, DetailOffer, Person, TimelineEntry } from '../../../shared/api/detail.js';
import { attachmentFileName } from '../../attachments/file-name.js';
import { mediaTypeFromName, previewKind } from '../../attachments/sniff.js';
import type { Db } from '../open.js';

/** An attachment row as stored; the detail adds what is derived from it. */
type StoredAttachment = Omit<ApplicationDetail['attachments'][number], 'declaredMediaType' | 'kind' | 'fileName'>;

interface AppRow {
  pk: number;
  id: string;
  candidate_id: string | null;
  first_name: string | null;
  last_name: string | null;
  candidate_name: string | null;
  location: string | null;
  job_id: string | null;
  job_title: string | null;
  job_status: string | null;
  departments: string | null;
  stage_id: string | null;
  stage: string | null;
  status: string | null;
  origin: string | null;
  owner_id: string | null;
  owner_email: string | null;
  credited_to_id: string | null;
  credited_email: string | null;
  applied_at: string | null;
  updated_at: string | null;
  synced_at: string;
  deleted_at: string | null;
}

function person(id: string | null, email: string | null): Person | null {
  return id === null && email === null ? null : { id, email };
}

/** Known times first, oldest first; unknown times keep their order at the end. */
function byTime(a: TimelineEntry, b: TimelineEntry): number {
  if (a.at === null || b.at === null) return a.at === null ? (b.at === null ? 0 : 1) : -1;
  return a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
}

export class DetailQueries {
  private readonly app;
  private readonly emails;
  private readonly phones;
  private readonly links;
  private readonly interviews;
  private readonly interviewers;
  private readonly offers;
  private readonly rejection;
  private readonly attachments;

  constructor(db: Db) {
    this.app = db.prepare<[string], AppRow>(
      `SELECT a.pk, a.id, a.candidate_id, a.first_name, a.last_name, a.candidate_name, a.location, a.job_id, a.job_title,
         j.status AS job_status, j.departments, a.stage_id, a.stage, a.status, a.origin,
         a.owner_id, coalesce(ou.email, CASE WHEN a.owner <> coalesce(a.owner_id, '') THEN a.owner END) AS owner_email,
         a.credited_to_id, coalesce(cu.email, CASE WHEN a.credited_to <> coalesce(a.credited_to_id, '') THEN a.credited_to END) AS credited_email,
         a.applied_at, a.updated_at, a.synced_at, a.deleted_at
       FROM applications a
       LEFT JOIN jobs j ON j.id = a.job_id
       LEFT JOIN users ou ON ou.id = a.owner_id
       LEFT JOIN users cu ON cu.id = a.credited_to_id
       WHERE a.id = ?`,
    );
    this.emails = db.prepare<[number], { type: string | null; email: string }>('SELECT type, email FROM emails WHERE app_pk = ? ORDER BY pos');
    this.phones = db.prepare<[number], { type: string | null; phoneNumber: string }>(
      'SELECT type, phone_number AS phoneNumber FROM phones WHERE app_pk = ? ORDER BY pos',
    );
    this.links = db.prepare<[number], { url: string }>('SELECT url FROM links WHERE app_pk = ? ORDER BY pos');
    this.interviews = db.prepare<[number], Omit<DetailInterview, 'interviewers'> & { pos: number }>(
      `SELECT pos, id, subject, status, scheduled_start AS scheduledStart, scheduled_end AS scheduledEnd, location, stage
       FROM interviews WHERE app_pk = ? ORDER BY pos`,
    );
    this.interviewers = db.prepare<[number], { interview_pos: number; id: string | null; email: string | null }>(
      `SELECT i.interview_pos, i.user_id AS id, coalesce(i.email, u.email) AS email
       FROM interviewers i LEFT JOIN users u ON u.id = i.user_id WHERE i.app_pk = ? ORDER BY i.interview_pos, i.pos`,
    );
    this.offers = db.prepare<[number], DetailOffer>(
      'SELECT id, status, created_at AS createdAt, sent_at AS sentAt, closed_at AS closedAt FROM offers WHERE app_pk = ? ORDER BY pos',
    );
    this.rejection = db.prepare<[number], { id: string | null; text: string | null; rejectedAt: string | null }>(
      'SELECT id, text, rejected_at AS rejectedAt FROM rejections WHERE app_pk = ?',
    );
    this.attachments = db.prepare<[number], StoredAttachment>(
      `SELECT a.pos + 1 AS n, a.type, a.name, a.link, a.created_at AS createdAt, a.size, a.media_type AS mediaType, a.error,
         t.text IS NOT NULL AS hasText, t.error AS textError
       FROM attachments a LEFT JOIN attachment_texts t ON t.sha256 = a.sha256 WHERE a.app_pk = ? ORDER BY a.pos`,
    );
  }

  /** Undefined when no application has this id. */
  detail(id: string): ApplicationDetail | undefined {
    const row = this.app.get(id);
    if (row === undefined) return undefined;
    const people = new Map<number, Person[]>();
    for (const p of this.interviewers.all(row.pk)) {
      const list = people.get(p.interview_pos) ?? [];
      list.push({ id: p.id, email: p.email });
      people.set(p.interview_pos, list);
    }
    const interviews: DetailInterview[] = this.interviews.all(row.pk).map(({ pos, ...interview }) => ({
      ...interview,
      interviewers: people.get(pos) ?? [],
    }));
    const offers = this.offers.all(row.pk);
    const rejection = this.rejection.get(row.pk) ?? null;
    const timeline: TimelineEntry[] = [{ kind: 'applied', at: row.applied_at }];
    for (const interview of interviews) timeline.push({ kind: 'interview', at: interview.scheduledStart, interview });
    for (const offer of offers) timeline.push({ kind: 'offer', at: offer.sentAt ?? offer.createdAt, offer });
    if (rejection !== null) timeline.push({ kind: 'rejection', at: rejection.rejectedAt, reason: rejection.text });
    timeline.sort(byTime);
    return {
      id: row.id,
      candidate: {
        id: row.candidate_id,
        name: row.candidate_name,
        firstName: row.first_name,
        lastName: row.last_name,
        location: row.location,
        emails: this.emails.all(row.pk),
        phones: this.phones.all(row.pk),
        links: this.links.all(row.pk).map((link) => link.url),
      },
      job: { id: row.job_id, title: row.job_title, status: row.job_status, departments: row.departments },
      stage: { id: row.stage_id, text: row.stage },
      status: row.status,
      origin: row.origin,
      owner: person(row.owner_id, row.owner_email),
      creditedTo: person(row.credited_to_id, row.credited_email),
      appliedAt: row.applied_at,
      updatedAt: row.updated_at,
      syncedAt: row.synced_at,
      deletedAt: row.deleted_at,
      interviews,
      offers,
      rejection,
      attachments: this.attachments.all(row.pk).map((attachment) => ({
        ...attachment,
        hasText: Boolean(attachment.hasText),
        declaredMediaType: mediaTypeFromName(attachment.name),
        kind: attachment.mediaType === null ? null : previewKind(attachment.mediaType),
        fileName: attachmentFileName({ ...attachment, candidateName: row.candidate_name, applicationId: id }),
      })),
      timeline,
    };
  }
}
