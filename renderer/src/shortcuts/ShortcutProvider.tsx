import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { ShortcutRegistry, type ShortcutBinding } from './shortcutRegistry';

const ShortcutContext = createContext<ShortcutRegistry | null>(null);

/** Owns the window's shortcut registry and routes key presses to it. */
export function ShortcutProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(() => new ShortcutRegistry());
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      // A modal dialog owns the keyboard while it is open.
      if (document.querySelector('dialog[open]')) return;
      if (registry.handle(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [registry]);
  return <ShortcutContext.Provider value={registry}>{children}</ShortcutContext.Provider>;
}

export function useShortcutRegistry(): ShortcutRegistry {
  const registry = useContext(ShortcutContext);
  if (!registry) throw new Error('useShortcutRegistry outside ShortcutProvider');
  return registry;
}

/**
 * Registers bindings while the calling component is mounted. The bindings may close over fresh state
 * on every render: the registry calls the latest version through a ref, so they are registered once.
 */
export function useShortcuts(bindings: ShortcutBinding[]): void {
  const registry = useShortcutRegistry();
  const latest = useRef(bindings);
  useEffect(() => {
    latest.current = bindings;
  });
  const signature = bindings.map((binding) => `${binding.id}:${binding.keys.join(',')}`).join('|');
  useEffect(() => {
    const stable = latest.current.map((binding, index): ShortcutBinding => ({
      ...binding,
      enabled: () => latest.current[index]?.enabled?.() ?? true,
      run: (event) => latest.current[index]?.run(event),
    }));
    return registry.registerAll(stable);
    // The signature captures which bindings exist; their behaviour is read through the ref.
  }, [registry, signature]);
}
