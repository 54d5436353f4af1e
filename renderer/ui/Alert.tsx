import type { ReactNode } from 'react';
import { AlertIcon } from './icons';

/** An error the user should see, with a way to try again. */
export function ErrorAlert({ message, onRetry, children }: { message: string; onRetry?: () => void; children?: ReactNode }) {
  return (
    <div role="alert" className="alert alert-error">
      <AlertIcon />
      <div className="alert-text">
        <p>{message}</p>
        {children}
      </div>
      {onRetry !== undefined && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
