/** Applied, interviews, offers and rejection, in the order main gives them (time order). */
import type { DetailInterview, DetailOffer, TimelineEntry } from '../../../shared/api/detail';
import { formatDate, formatDateTime, formatTime, parseTime, UNKNOWN } from '../../ui/format';
import { StatusBadge } from '../../ui/StatusBadge';
import { safeExternalUrl } from './links';

export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  if (entries.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="timeline">
      {entries.map((entry, i) => (
        <li key={i} className={`timeline-entry timeline-${entry.kind}`}>
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-body">
            <EntryContent entry={entry} />
          </div>
        </li>
      ))}
    </ol>
  );
}

function When({ at }: { at: string | null }) {
  return (
    <time className="timeline-when" dateTime={parseTime(at) === null ? undefined : (at ?? undefined)}>
      {formatDateTime(at)}
    </time>
  );
}

function EntryContent({ entry }: { entry: TimelineEntry }) {
  switch (entry.kind) {
    case 'applied':
      return (
        <>
          <div className="timeline-title">Applied</div>
          <When at={entry.at} />
        </>
      );
    case 'interview':
      return <Interview interview={entry.interview} at={entry.at} />;
    case 'offer':
      return <Offer offer={entry.offer} at={entry.at} />;
    case 'rejection':
      return (
        <>
          <div className="timeline-title">Rejected</div>
          <When at={entry.at} />
          <p className="timeline-text">{entry.reason !== null && entry.reason !== '' ? entry.reason : 'No reason given.'}</p>
        </>
      );
  }
}

function interviewTime(interview: DetailInterview, at: string | null): string {
  const start = interview.scheduledStart ?? at;
  if (parseTime(start) === null) return UNKNOWN;
  const end = parseTime(interview.scheduledEnd) === null ? '' : `–${formatTime(interview.scheduledEnd)}`;
  return `${formatDateTime(start)}${end}`;
}

function Interview({ interview, at }: { interview: DetailInterview; at: string | null }) {
  const interviewers = interview.interviewers.map((p) => p.email ?? p.id).filter((p): p is string => p !== null);
  const locationUrl = safeExternalUrl(interview.location);
  return (
    <>
      <div className="timeline-title">
        <span>{interview.subject ?? 'Interview'}</span>
        <StatusBadge value={interview.status} />
      </div>
      <div className="timeline-when">{interviewTime(interview, at)}</div>
      <dl className="timeline-facts">
        {interview.stage !== null && (
          <div>
            <dt>Stage</dt>
            <dd>{interview.stage}</dd>
          </div>
        )}
        <div>
          <dt>Interviewers</dt>
          <dd>{interviewers.length > 0 ? interviewers.join(', ') : UNKNOWN}</dd>
        </div>
        {interview.location !== null && interview.location !== '' && (
          <div>
            <dt>Where</dt>
            <dd className="break">
              {locationUrl === null ? (
                interview.location
              ) : (
                <a href={locationUrl} target="_blank" rel="noopener noreferrer">
                  {interview.location}
                </a>
              )}
            </dd>
          </div>
        )}
      </dl>
    </>
  );
}

function Offer({ offer, at }: { offer: DetailOffer; at: string | null }) {
  const dates = [
    ['Created', offer.createdAt],
    ['Sent', offer.sentAt],
    ['Closed', offer.closedAt],
  ].filter((pair): pair is [string, string] => parseTime(pair[1] ?? null) !== null);
  return (
    <>
      <div className="timeline-title">
        <span>Offer</span>
        <StatusBadge value={offer.status} />
      </div>
      {dates.length === 0 ? (
        <When at={at} />
      ) : (
        <div className="timeline-when">{dates.map(([label, value]) => `${label} ${formatDate(value)}`).join(' · ')}</div>
      )}
    </>
  );
}
