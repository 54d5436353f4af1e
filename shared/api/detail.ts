/** One application as the detail pane shows it: normalised, with a timeline. */
import type { PreviewKind } from './attachments.js';

export interface Person {
  id: string | null;
  email: string | null;
}

export interface DetailInterview {
  id: string | null;
  subject: string | null;
  status: string | null;
  scheduledStart: string | null;
  scheduledEnd: string | null;
  location: string | null;
  stage: string | null;
  interviewers: Person[];
}

export interface DetailOffer {
  id: string | null;
  status: string | null;
  createdAt: string | null;
  sentAt: string | null;
  closedAt: string | null;
}

export interface DetailAttachment {
  /** Position as `show` lists them, from 1. */
  n: number;
  type: string | null;
  name: string | null;
  link: string | null;
  createdAt: string | null;
  size: number | null;
  /** Sniffed from the bytes. */
  mediaType: string | null;
  /** What the name's extension claims, for a badge when it disagrees with `mediaType`. */
  declaredMediaType: string | null;
  /** How the preview shows it; null when there are no bytes (a link, or content that could not be decoded). */
  kind: PreviewKind | null;
  /** Sanitised for saving on any OS. */
  fileName: string;
  /** Why the content could not be decoded, if it could not. */
  error: string | null;
  /** Text was extracted from the content, so search finds words inside it. Always sent (optional only for older fixtures). */
  hasText?: boolean;
  /** Why no text could be read from the content (a password-protected PDF, say); null before extraction ran or when it worked. */
  textError?: string | null;
}

export type TimelineEntry =
  | { kind: 'applied'; at: string | null }
  | { kind: 'interview'; at: string | null; interview: DetailInterview }
  | { kind: 'offer'; at: string | null; offer: DetailOffer }
  | { kind: 'rejection'; at: string | null; reason: string | null };

export interface ApplicationDetail {
  id: string;
  candidate: {
    id: string | null;
    name: string | null;
    firstName: string | null;
    lastName: string | null;
    location: string | null;
    emails: { type: string | null; email: string }[];
    phones: { type: string | null; phoneNumber: string }[];
    links: string[];
  };
  job: { id: string | null; title: string | null; status: string | null; departments: string | null };
  stage: { id: string | null; text: string | null };
  status: string | null;
  origin: string | null;
  owner: Person | null;
  creditedTo: Person | null;
  appliedAt: string | null;
  updatedAt: string | null;
  syncedAt: string;
  deletedAt: string | null;
  interviews: DetailInterview[];
  offers: DetailOffer[];
  rejection: { id: string | null; text: string | null; rejectedAt: string | null } | null;
  attachments: DetailAttachment[];
  /** Applied, interviews, offers and rejection in time order (unknown times last). */
  timeline: TimelineEntry[];
}
