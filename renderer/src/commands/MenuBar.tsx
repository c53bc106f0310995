/**
 * The menu bar of the web build, from the same command table as the desktop app's native menus.
 * (In Electron the native menu bar takes its place.)
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import { commands, formatShortcut, menuLabels, menus, type MenuName } from '../../../shared/vocabulary/commands';
import { useLocalize } from '../hooks/useLocalize';
import { runCommand } from './registry';
import { isMac } from './useShortcuts';

export function MenuBar() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [open, setOpen] = useState<MenuName | null>(null);
  const bar = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!bar.current?.contains(event.target as Node)) setOpen(null);
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(null);
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <nav className="menu-bar" ref={bar} aria-label={t('menu.label')}>
      {menus.map((menu) => (
        <div key={menu} className="menu">
          <button
            type="button"
            className="menu-title"
            aria-haspopup="menu"
            aria-expanded={open === menu}
            onClick={() => setOpen(open === menu ? null : menu)}
            onMouseEnter={() => open && setOpen(menu)}
          >
            {localize(menuLabels[menu])}
          </button>
          {open === menu && (
            <ul role="menu" className="menu-items" aria-label={localize(menuLabels[menu])}>
              {commands
                .filter((command) => command.menu === menu)
                .map((command) => (
                  <li
                    key={command.id}
                    role="none"
                    className={'groupStart' in command && command.groupStart ? 'group-start' : undefined}
                  >
                    <button
                      type="button"
                      role="menuitem"
                      onClick={() => {
                        setOpen(null);
                        runCommand(command.id);
                      }}
                    >
                      <span>{localize(command.label)}</span>
                      {'shortcut' in command && <kbd>{formatShortcut(command.shortcut, isMac)}</kbd>}
                    </button>
                  </li>
                ))}
            </ul>
          )}
        </div>
      ))}
    </nav>
  );
}
