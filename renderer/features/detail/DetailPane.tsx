/** The right-hand pane: the selected application, its contacts, timeline and attachments. */
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ApplicationDetail, Person } from '../../../shared/api/detail';
import { DETAIL_ID } from '../../app/dom-ids';
import { useApp } from '../../app/store';
import { ErrorAlert } from '../../ui/Alert';
import { formatDate, formatDateTime, formatRelative, UNKNOWN } from '../../ui/format';
import { StatusBadge } from '../../ui/StatusBadge';
import { useNow } from '../../ui/useNow';
import { Attachments } from './Attachments';
import { Contacts } from './Contacts';
import { EraseCandidateButton, EraseCandidateDialog, ErasedNotice } from './EraseCandidate';
import { Timeline } from './Timeline';

export function DetailPane() {
  const { detailId, detail, loading, error } = useApp(
    useShallow((s) => ({ detailId: s.detailId, detail: s.detail, loading: s.detailLoading, error: s.detailError })),
  );
  const loadDetail = useApp((s) => s.loadDetail);
  let content;
  if (detailId === null) {
    content = (
      <div className="detail-empty">
        <ErasedNotice />
        <h2>No application selected</h2>
        <p>
          Choose one in the list, or move through it with <kbd>↑</kbd> <kbd>↓</kbd> (or <kbd>j</kbd> <kbd>k</kbd>).
        </p>
      </div>
    );
  } else if (error !== null && (detail === null || detail.id !== detailId)) {
    content = (
      <div className="detail-scroll">
        <ErrorAlert
          message={error.code === 'not-found' ? 'This application is no longer in the local database.' : `The application could not load: ${error.message}`}
          onRetry={() => loadDetail(detailId)}
        />
      </div>
    );
  } else if (detail === null) {
    content = <DetailSkeleton />;
  } else {
    content = <ApplicationView detail={detail} />;
  }
  return (
    <section id={DETAIL_ID} className={`detail${loading && detail !== null ? ' is-stale' : ''}`} aria-label="Application details" aria-busy={loading} tabIndex={-1}>
      {content}
    </section>
  );
}

function DetailSkeleton() {
  return (
    <div className="detail-scroll" aria-hidden="true">
      <div className="detail-skeleton">
        <span className="skeleton-bar skeleton-title" />
        <span className="skeleton-bar" />
        <span className="skeleton-bar skeleton-short" />
        <span className="skeleton-bar" />
        <span className="skeleton-bar skeleton-short" />
      </div>
    </div>
  );
}

function personText(person: Person | null): string {
  return person?.email ?? person?.id ?? UNKNOWN;
}

/** First and last initials, from letters only (a name may hold anything). */
function initials(name: string | null): string {
  const letters = (name ?? '').match(/\p{L}[\p{L}\p{M}'’-]*/gu)?.map((word) => Array.from(word)[0] ?? '') ?? [];
  const first = letters[0];
  const last = letters.length > 1 ? letters[letters.length - 1] : undefined;
  return `${first ?? ''}${last ?? ''}`.toUpperCase() || '?';
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Value({ text }: { text: string | null }) {
  return text === null || text === '' ? <span className="muted">{UNKNOWN}</span> : <>{text}</>;
}

function ApplicationView({ detail }: { detail: ApplicationDetail }) {
  const now = useNow();
  const { candidate, job } = detail;
  const name = candidate.name !== null && candidate.name.trim() !== '' ? candidate.name : null;
  const subtitle = [job.title ?? job.id, candidate.location].filter((part): part is string => part !== null && part !== '');
  return (
    <div className="detail-scroll">
      {detail.deletedAt !== null && (
        <div className="banner banner-danger" role="note">
          Deleted in the ATS on {formatDate(detail.deletedAt)}
        </div>
      )}
      <header className="detail-header">
        <div className="avatar" aria-hidden="true">
          {initials(name)}
        </div>
        <div className="detail-title">
          <h2>{name ?? 'Unnamed candidate'}</h2>
          {subtitle.length > 0 && <p className="muted">{subtitle.join(' · ')}</p>}
        </div>
        <StatusBadge value={detail.status} />
      </header>

      <section className="detail-section" aria-labelledby={`${DETAIL_ID}-contact`}>
        <h3 id={`${DETAIL_ID}-contact`}>Contact</h3>
        <Contacts candidate={candidate} />
      </section>

      <section className="detail-section" aria-labelledby={`${DETAIL_ID}-application`}>
        <h3 id={`${DETAIL_ID}-application`}>Application</h3>
        <dl className="facts">
          <Fact label="Job">
            <Value text={job.title ?? job.id} />
            {job.departments !== null && job.departments !== '' && <span className="muted"> · {job.departments}</span>}
          </Fact>
          <Fact label="Stage">
            <Value text={detail.stage.text ?? detail.stage.id} />
          </Fact>
          <Fact label="Status">
            <StatusBadge value={detail.status} />
          </Fact>
          <Fact label="Origin">
            <Value text={detail.origin} />
          </Fact>
          <Fact label="Owner">
            <Value text={personText(detail.owner)} />
          </Fact>
          <Fact label="Credited to">
            <Value text={personText(detail.creditedTo)} />
          </Fact>
          <Fact label="Applied">
            <span title={detail.appliedAt ?? undefined}>{formatDateTime(detail.appliedAt)}</span>
          </Fact>
          <Fact label="Updated">
            <span title={detail.updatedAt ?? undefined}>{formatDateTime(detail.updatedAt)}</span>
          </Fact>
        </dl>
        <p className="synced" title={formatDateTime(detail.syncedAt)}>
          Last synced {formatRelative(detail.syncedAt, now)}
        </p>
      </section>

      <section className="detail-section" aria-labelledby={`${DETAIL_ID}-timeline`}>
        <h3 id={`${DETAIL_ID}-timeline`}>Timeline</h3>
        <Timeline entries={detail.timeline} />
      </section>

      <section className="detail-section" aria-labelledby={`${DETAIL_ID}-attachments`}>
        <h3 id={`${DETAIL_ID}-attachments`}>
          Attachments {detail.attachments.length > 0 && <span className="count-pill">{detail.attachments.length}</span>}
        </h3>
        <Attachments attachments={detail.attachments} />
      </section>

      <EraseCandidateButton name={name ?? 'this candidate'} />
      <EraseCandidateDialog name={name ?? 'this candidate'} />
    </div>
  );
}
