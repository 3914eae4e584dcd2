import { useEffect, useId, useRef, type ReactNode } from 'react';
import { IconButton } from './Button';

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Escape closes it, and
 * the page behind is inert. `onClose` runs however it closes (Escape, the close button, code).
 */
export function Dialog({
  title,
  open,
  onClose,
  children,
  footer,
  size = 'medium',
  testId,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'small' | 'medium' | 'large' | 'wide';
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const handleClose = () => onCloseRef.current();
    dialog.addEventListener('close', handleClose);
    return () => dialog.removeEventListener('close', handleClose);
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      data-testid={testId}
      // A modal owns the keyboard: the editor's window shortcuts (arrows, Home/End, J/K/L) stay out.
      onKeyDown={(event) => event.stopPropagation()}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <IconButton icon="close" label="Close" onClick={() => ref.current?.close()} />
          </header>
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </>
      )}
    </dialog>
  );
}
