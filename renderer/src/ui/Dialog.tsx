/**
 * A modal dialog: a backdrop that closes it on click, Escape that closes it, and the dialog's
 * accessible name. Every closable dialog of the app is one of these.
 */
import { useEffect, type ReactNode } from 'react';

interface DialogProps {
  onClose: () => void;
  /** The id of the heading that names the dialog. */
  labelledBy: string;
  className?: string;
  children: ReactNode;
}

export function Dialog({ onClose, labelledBy, className, children }: DialogProps) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        onClick={(event) => event.stopPropagation()}
      >
        {children}
      </div>
    </div>
  );
}
