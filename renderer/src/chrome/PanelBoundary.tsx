/**
 * Keeps a failure inside one panel: if drawing a chart or a playground view throws, that panel
 * says so and offers to try again, while the canvas, the data and every run stay as they were.
 */
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function PanelFailure({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="panel-failure" role="alert">
      <p>{t('panel.failed', { message })}</p>
      <button type="button" className="button-quiet" onClick={onRetry}>
        {t('panel.retry')}
      </button>
    </div>
  );
}

export class PanelBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }) {
    // Another tab, another panel: start it afresh.
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) {
      return <PanelFailure message={this.state.error.message} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}
