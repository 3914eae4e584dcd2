/**
 * Key combinations as people write them in menus and help pages: "Mod+Z", "Shift+Delete", "Space",
 * "J", "+". `Mod` is Cmd on macOS and Ctrl elsewhere; either is accepted so shortcuts work the same
 * in the desktop app and in a browser on another platform.
 */
export interface KeyCombo {
  /** Normalised key: a lower-case letter or digit, or a KeyboardEvent.key name such as "arrowleft". */
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

const aliases: Record<string, string> = {
  space: ' ',
  spacebar: ' ',
  del: 'delete',
  esc: 'escape',
  left: 'arrowleft',
  right: 'arrowright',
  up: 'arrowup',
  down: 'arrowdown',
  plus: '+',
  minus: '-',
};

function normaliseKey(key: string): string {
  const lower = key.toLowerCase();
  return aliases[lower] ?? lower;
}

export function parseKeyCombo(text: string): KeyCombo {
  // "Shift++" and "+" both name the plus key: split on "+" that is followed by something.
  const parts = text === '+' ? ['+'] : text.split(/\+(?=.)/);
  const combo: KeyCombo = { key: '', mod: false, shift: false, alt: false };
  for (const part of parts) {
    const lower = part.toLowerCase();
    if (lower === 'mod' || lower === 'ctrl' || lower === 'cmd' || lower === 'meta') combo.mod = true;
    else if (lower === 'shift') combo.shift = true;
    else if (lower === 'alt' || lower === 'option') combo.alt = true;
    else combo.key = normaliseKey(part);
  }
  if (combo.key === '') throw new Error(`No key in shortcut "${text}"`);
  return combo;
}

/** The parts of a keyboard event that shortcuts look at (a KeyboardEvent satisfies it). */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Characters whose key differs with Shift on common layouts: "+" is Shift+"=" on US keyboards. */
const shiftInsensitive = new Set(['+', '-', '=', '_']);

export function matchesCombo(event: KeyLike, combo: KeyCombo): boolean {
  let key = normaliseKey(event.key);
  if (key === '=' && combo.key === '+') key = '+';
  if (key === '_' && combo.key === '-') key = '-';
  if (key !== combo.key) return false;
  if ((event.ctrlKey || event.metaKey) !== combo.mod) return false;
  if (event.altKey !== combo.alt) return false;
  if (!shiftInsensitive.has(combo.key) && event.shiftKey !== combo.shift) return false;
  return true;
}

/** "Mod+Shift+Z" as a person reads it on this platform: "⌘⇧Z" on macOS, "Ctrl+Shift+Z" elsewhere. */
export function describeCombo(text: string, mac: boolean): string {
  const combo = parseKeyCombo(text);
  const keyName =
    combo.key === ' ' ? 'Space' : combo.key.length === 1 ? combo.key.toUpperCase() : capitalise(combo.key);
  if (mac) return `${combo.mod ? '⌘' : ''}${combo.alt ? '⌥' : ''}${combo.shift ? '⇧' : ''}${keyName}`;
  return [combo.mod ? 'Ctrl' : '', combo.alt ? 'Alt' : '', combo.shift ? 'Shift' : '', keyName]
    .filter(Boolean)
    .join('+');
}

function capitalise(name: string): string {
  return name.replace(/^arrow/, '').replace(/^./, (first) => first.toUpperCase());
}
