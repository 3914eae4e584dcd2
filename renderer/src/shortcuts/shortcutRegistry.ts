import { matchesCombo, parseKeyCombo, type KeyCombo, type KeyLike } from './keyCombo';

/**
 * One keyboard shortcut. Several panels may bind the same keys: the most recently registered binding
 * whose `enabled()` answers true wins, so a focused panel (the timeline, the source viewer) can take
 * over keys while it is mounted and give them back when it unmounts.
 */
export interface ShortcutBinding {
  /** Stable id, e.g. "timeline.blade"; listed in the shortcuts help. */
  id: string;
  /** One or more combos: ["B", "S"], ["Mod+Shift+Z", "Mod+Y"]. */
  keys: string[];
  description: string;
  /** Group for the help page ("Timeline", "Playback", "Bin"). */
  group: string;
  /** When false the binding is skipped and the next one is tried. */
  enabled?: () => boolean;
  /** Repeats while a key is held (arrows, J/L); off by default. */
  repeat?: boolean;
  /** Whether the key-up should be reported as well (shuttle keys that act while held). */
  run: (event: KeyLike & { repeat?: boolean }) => void;
}

interface Entry {
  binding: ShortcutBinding;
  combos: KeyCombo[];
  order: number;
}

/** What isTextEntry reads of a key event's target (a DOM element in the app, a plain object in tests). */
interface KeyTarget {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
  getAttribute?: (name: string) => string | null;
}

/** Inputs that take no typing and no arrow keys: shortcuts pass through them. */
const keylessInputTypes = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'image',
  'file',
  'color',
]);
/** Widgets that use arrows, Home/End or typing themselves (a slider, a spin button, a text box). */
const keyOwningRoles = new Set(['slider', 'spinbutton', 'textbox', 'searchbox', 'combobox']);

/**
 * Elements that own their keys, so global shortcuts must not run: text fields, text areas, selects,
 * editable content, and sliders (`<input type="range">` or role="slider": arrows, Home, End,
 * PageUp/PageDown move them) and spin buttons.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  if (target === null || typeof target !== 'object') return false;
  const element = target as KeyTarget;
  if (element.isContentEditable === true) return true;
  const tag = typeof element.tagName === 'string' ? element.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !keylessInputTypes.has((element.type ?? 'text').toLowerCase());
  const role = typeof element.getAttribute === 'function' ? element.getAttribute('role') : null;
  return role !== null && keyOwningRoles.has(role);
}

/** The shortcuts of one editor window; created per editor (no module singleton). */
export class ShortcutRegistry {
  private entries: Entry[] = [];
  private nextOrder = 0;

  register(binding: ShortcutBinding): () => void {
    const entry: Entry = { binding, combos: binding.keys.map(parseKeyCombo), order: this.nextOrder++ };
    this.entries.push(entry);
    return () => {
      this.entries = this.entries.filter((candidate) => candidate !== entry);
    };
  }

  registerAll(bindings: ShortcutBinding[]): () => void {
    const removers = bindings.map((binding) => this.register(binding));
    return () => removers.forEach((remove) => remove());
  }

  /** The binding a key event would run, or null. */
  find(event: KeyLike & { repeat?: boolean }): ShortcutBinding | null {
    for (let index = this.entries.length - 1; index >= 0; index -= 1) {
      const entry = this.entries[index]!;
      if (event.repeat && !entry.binding.repeat) continue;
      if (!entry.combos.some((combo) => matchesCombo(event, combo))) continue;
      if (entry.binding.enabled && !entry.binding.enabled()) continue;
      return entry.binding;
    }
    return null;
  }

  /** Runs the matching binding; true when one ran (the caller then prevents the default). */
  handle(event: KeyLike & { repeat?: boolean; target?: EventTarget | null }): boolean {
    if (isTextEntry(event.target ?? null)) return false;
    const binding = this.find(event);
    if (!binding) return false;
    binding.run(event);
    return true;
  }

  /** Every binding, for the shortcuts help, grouped and in registration order. */
  list(): Array<Pick<ShortcutBinding, 'id' | 'keys' | 'description' | 'group'>> {
    const seen = new Set<string>();
    const result: Array<Pick<ShortcutBinding, 'id' | 'keys' | 'description' | 'group'>> = [];
    for (const { binding } of [...this.entries].sort((a, b) => a.order - b.order)) {
      if (seen.has(binding.id)) continue;
      seen.add(binding.id);
      result.push({
        id: binding.id,
        keys: binding.keys,
        description: binding.description,
        group: binding.group,
      });
    }
    return result;
  }
}
