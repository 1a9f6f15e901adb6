// Any screen survives a render error: instead of a blank page the person sees what happened
// and a way back (try again, or the start page), and the error goes to the server log.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientErrorReport } from '@world-cafe/shared';
import { navigate, paths } from '../lib/router';
import { AppHeader } from './AppHeader';

/** Sends the error (message and stacks only) to the server log; never throws. */
export function reportClientError(report: ClientErrorReport): void {
  try {
    void fetch('/api/client-errors', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
      keepalive: true,
    }).catch(() => undefined);
  } catch {
    /* reporting must never add a second failure */
  }
}

interface Props {
  /** The route name, logged with the error (never the URL: it may carry a personal key). */
  route: string;
  /** A change (e.g. the path) clears the error, so moving elsewhere leaves the fallback. */
  resetKey: string;
  /** Called once per caught error, e.g. to drop local caches that may have caused it. */
  onCatch?: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: string;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const e = error instanceof Error ? error : new Error(String(error));
    reportClientError({ message: e.message, stack: e.stack, componentStack: info.componentStack ?? undefined, route: this.props.route });
    this.props.onCatch?.();
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return <ErrorFallback onRetry={() => this.setState({ error: null })} />;
  }
}

function ErrorFallback({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  // The header stays (language and theme switches, the way home) even when a screen crashed.
  return (
    <>
      <AppHeader />
      <main id="main" className="page">
        <section className="card" role="alert" data-testid="error-fallback">
          <h1 tabIndex={-1}>{t('crash.title')}</h1>
          <p>{t('crash.body')}</p>
          <div className="button-row">
            <button type="button" className="primary" onClick={onRetry}>
              {t('crash.retry')}
            </button>
            <button type="button" onClick={() => window.location.reload()}>
              {t('crash.reload')}
            </button>
            <button
              type="button"
              onClick={() => {
                onRetry();
                navigate(paths.landing());
              }}
            >
              {t('crash.home')}
            </button>
          </div>
        </section>
      </main>
    </>
  );
}
