import './components.css';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export type ButtonVariant = 'default' | 'primary' | 'danger' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  icon?: IconName;
  /** Shown after the label: the keyboard shortcut, e.g. "⌘G". */
  shortcut?: string;
  children?: ReactNode;
}

/** A text button, optionally with a leading icon and a shortcut hint. */
export function Button({
  variant = 'default',
  icon,
  shortcut,
  children,
  className,
  type,
  ...rest
}: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, className].filter(Boolean).join(' ');
  return (
    <button type={type ?? 'button'} className={classes} {...rest}>
      {icon && <Icon name={icon} size={14} />}
      {children !== undefined && <span className="btn-label">{children}</span>}
      {shortcut && <kbd className="btn-shortcut">{shortcut}</kbd>}
    </button>
  );
}

export interface IconButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  icon: IconName;
  /** The accessible name and tooltip: required, an icon alone says nothing to a screen reader. */
  label: string;
  /** For toggles: rendered as aria-pressed. */
  pressed?: boolean;
  filled?: boolean;
  variant?: ButtonVariant;
}

/** A square button showing only an icon; its label is the aria-label and the tooltip. */
export function IconButton({
  icon,
  label,
  pressed,
  filled,
  variant = 'ghost',
  className,
  type,
  ...rest
}: IconButtonProps) {
  const classes = ['btn', 'btn-icon', `btn-${variant}`, pressed ? 'is-pressed' : '', className]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type={type ?? 'button'}
      className={classes}
      aria-label={label}
      title={label}
      {...(pressed !== undefined ? { 'aria-pressed': pressed } : {})}
      {...rest}
    >
      <Icon name={icon} size={15} filled={filled ?? false} />
    </button>
  );
}
