/** Never a blank window: a crash in one area shows what happened and a way back. */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, in the user's words ("the detail pane"); the whole window when absent. */
  area?: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Candidate Viewer: ${this.props.area ?? 'window'} crashed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const whole = this.props.area === undefined;
    return (
      <div role="alert" className={whole ? 'crash crash-window' : 'crash'}>
        <h2>{whole ? 'Candidate Viewer ran into a problem' : `Something went wrong in ${this.props.area}`}</h2>
        <p className="crash-message">{error.message}</p>
        <div className="crash-actions">
          {!whole && (
            <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
              Try again
            </button>
          )}
          <button type="button" className={whole ? 'btn btn-primary' : 'btn btn-ghost'} onClick={() => window.location.reload()}>
            Reload window
          </button>
        </div>
      </div>
    );
  }
}
