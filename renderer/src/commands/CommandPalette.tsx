/** Ctrl+Shift+P: every command by name, in the current language, run with Enter. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commands, formatShortcut, menuLabels } from '../../../shared/vocabulary/commands';
import { useLocalize } from '../hooks/useLocalize';
import { runCommand } from './registry';
import { isMac } from './useShortcuts';

export function CommandPalette({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return commands.filter(
      (command) =>
        command.id !== 'view.commandPalette' &&
        `${localize(menuLabels[command.menu])} ${localize(command.label)}`.toLowerCase().includes(needle),
    );
  }, [query, localize]);

  useEffect(() => input.current?.focus(), []);

  const run = (index: number) => {
    const command = matches[index];
    if (!command) return;
    onClose();
    runCommand(command.id);
  };

  return (
    <div className="dialog-backdrop palette-backdrop" onClick={onClose}>
      <div
        className="dialog command-palette"
        role="dialog"
        aria-modal="true"
        aria-label={t('commands.palette')}
        onClick={(event) => event.stopPropagation()}
      >
        <input
          ref={input}
          type="text"
          value={query}
          placeholder={t('commands.search')}
          aria-label={t('commands.search')}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onClose();
            if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, matches.length - 1));
            if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
            if (event.key === 'Enter') run(active);
          }}
        />
        <ul role="listbox" aria-label={t('commands.palette')} tabIndex={0}>
          {matches.map((command, index) => (
            <li
              key={command.id}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'is-active' : ''}
              onMouseDown={() => run(index)}
            >
              <span>
                <span className="muted">{localize(menuLabels[command.menu])}: </span>
                {localize(command.label)}
              </span>
              {'shortcut' in command && <kbd>{formatShortcut(command.shortcut, isMac)}</kbd>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
