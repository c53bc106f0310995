/** The list of keyboard shortcuts, from the command table. */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { commands, formatShortcut, menuLabels } from '../../../shared/vocabulary/commands';
import { useLocalize } from '../hooks/useLocalize';
import { isMac } from './useShortcuts';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (
    <Dialog onClose={onClose} labelledBy="shortcuts-title">
      <h2 id="shortcuts-title">{t('commands.shortcuts')}</h2>
      <table className="summary-table">
        <tbody>
          {commands.flatMap((command) =>
            'shortcut' in command
              ? [
                  <tr key={command.id}>
                    <td>
                      <span className="muted">{localize(menuLabels[command.menu])}: </span>
                      {localize(command.label)}
                    </td>
                    <td>
                      <kbd>{formatShortcut(command.shortcut, isMac)}</kbd>
                    </td>
                  </tr>,
                ]
              : [],
          )}
          <tr>
            <td>{t('commands.deleteSelection')}</td>
            <td>
              <kbd>{t('commands.deleteKey')}</kbd>
            </td>
          </tr>
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('summary.close')}
        </button>
      </div>
    </Dialog>
  );
}
