/** The renderer's entry: connect, restore the view, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startApp } from './app/bootstrap';
import { ErrorBoundary } from './app/ErrorBoundary';
import { VaultGate } from './features/vault/VaultGate';
import './styles/index.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');
const root = createRoot(container);

const startWindow = () => startApp(window);

try {
  // The desktop window opens the database behind its lock; the web face was given its key at start.
  const vault = window.api?.vault;
  if (vault === undefined) startWindow();
  root.render(
    <StrictMode>
      <ErrorBoundary>
        {vault === undefined ? (
          <App />
        ) : (
          <VaultGate vault={vault} start={startWindow}>
            <App />
          </VaultGate>
        )}
      </ErrorBoundary>
    </StrictMode>,
  );
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  root.render(
    <div role="alert" className="crash crash-window">
      <h2>Candidate Viewer could not start</h2>
      <p className="crash-message">{message}</p>
    </div>,
  );
}
