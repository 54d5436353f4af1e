/**
 * Enumerations of the upstream `ats_applications` / `ats_jobs` models.
 * Upstream data is messier than its reference: values arrive in other cases, with
 * documented synonyms (the reference's own example sends `COMPLETED`), or entirely new.
 * A value we do not know is kept raw so that nothing a recruiter may need is lost.
 */
export const APPLICATION_STATUSES = ['ACTIVE', 'REJECTED', 'HIRED', 'NOT_SPECIFIED'] as const;
export const APPLICATION_ORIGINS = ['AGENCY', 'REFERRAL', 'EXTERNAL', 'NOT_SPECIFIED'] as const;
export const PHONE_TYPES = ['WORK', 'PERSONAL', 'SKYPE', 'NOT_SPECIFIED'] as const;
export const EMAIL_TYPES = ['WORK', 'PERSONAL', 'NOT_SPECIFIED'] as const;
export const INTERVIEW_STATUSES = [
  'SCHEDULED',
  'AWAITING_FEEDBACK',
  'COMPLETE',
  'CANCELLED',
  'NOT_SPECIFIED',
] as const;
export const OFFER_STATUSES = ['IN_PROGRESS', 'SIGNED', 'DENIED', 'DEPRECATED', 'NOT_SPECIFIED'] as const;
export const ATTACHMENT_TYPES = ['RESUME', 'COVER_LETTER', 'OFFER_LETTER', 'NOT_SPECIFIED'] as const;
export const ATTACHMENT_ENCODINGS = ['BASE64', 'NOT_SPECIFIED'] as const;
export const JOB_STATUSES = ['OPEN', 'CLOSED', 'DRAFT', 'NOT_SPECIFIED'] as const;

/** Synonyms seen in real feeds, mapped to the documented value. */
const ALIASES: Readonly<Record<string, string>> = {
  COMPLETED: 'COMPLETE',
  CANCELED: 'CANCELLED',
  INPROGRESS: 'IN_PROGRESS',
  COVERLETTER: 'COVER_LETTER',
  OFFERLETTER: 'OFFER_LETTER',
  CV: 'RESUME',
};

/**
 * Maps a raw enum value onto the documented variant when it is one in another spelling
 * (case, spaces, hyphens, known synonyms); otherwise returns the raw text unchanged.
 * Returns null for absent or blank values.
 */
export function normaliseEnum(raw: unknown, known: readonly string[]): string | null {
  if (raw === null || raw === undefined) return null;
  const text = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : null;
  if (text === null) return null;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const folded = trimmed.toUpperCase().replace(/[\s-]+/g, '_');
  if (known.includes(folded)) return folded;
  const alias = ALIASES[folded] ?? ALIASES[folded.replace(/_/g, '')];
  if (alias !== undefined && known.includes(alias)) return alias;
  return trimmed;
}

/** True when a normalised value is one of the documented variants. */
export function isKnownEnum(value: string | null, known: readonly string[]): boolean {
  return value !== null && known.includes(value);
}
