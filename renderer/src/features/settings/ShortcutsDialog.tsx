import { Dialog } from '../../components/Dialog';
import { describeCombo, useShortcutRegistry } from '../../shortcuts';

const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** Every keyboard shortcut the open panels have registered, grouped as the panels name them. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const registry = useShortcutRegistry();
  const groups = new Map<string, ReturnType<typeof registry.list>>();
  for (const binding of registry.list()) {
    const list = groups.get(binding.group) ?? [];
    list.push(binding);
    groups.set(binding.group, list);
  }
  return (
    <Dialog title="Keyboard shortcuts" open onClose={onClose} size="large" testId="shortcuts-dialog">
      <div className="shortcut-groups">
        {[...groups.entries()].map(([group, bindings]) => (
          <section key={group} className="shortcut-group" aria-label={group}>
            <h3 className="section-heading">{group}</h3>
            <dl className="shortcut-list">
              {bindings.map((binding) => (
                <div key={binding.id} className="shortcut-row">
                  <dt>{binding.description}</dt>
                  <dd>
                    {binding.keys.map((keys) => (
                      <kbd key={keys}>{describeCombo(keys, mac)}</kbd>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
