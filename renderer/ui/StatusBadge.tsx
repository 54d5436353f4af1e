/** An enum value as a badge: known values get a colour, unknown ones are shown raw, as received. */

const TONES: Readonly<Record<string, string>> = {
  ACTIVE: 'info',
  HIRED: 'success',
  REJECTED: 'danger',
  SCHEDULED: 'info',
  AWAITING_FEEDBACK: 'warning',
  COMPLETE: 'success',
  CANCELLED: 'muted',
  IN_PROGRESS: 'info',
  SIGNED: 'success',
  DENIED: 'danger',
  DEPRECATED: 'muted',
  NOT_SPECIFIED: 'muted',
};

export function StatusBadge({ value, deleted = false }: { value: string | null; deleted?: boolean }) {
  if (value === null) return <span className="badge badge-empty">—</span>;
  const tone = TONES[value] ?? 'unknown';
  return (
    <span className={`badge badge-${tone}${deleted ? ' badge-faded' : ''}`} title={tone === 'unknown' ? `${value} (not a documented value)` : undefined}>
      {value}
    </span>
  );
}
