import { describe, expect, it } from 'vitest';
import { describeCombo, matchesCombo, parseKeyCombo } from '../../../renderer/src/shortcuts/keyCombo';
import { isTextEntry, ShortcutRegistry } from '../../../renderer/src/shortcuts/shortcutRegistry';

const key = (
  k: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('key combos', () => {
  it('parses modifiers, aliases and the plus key', () => {
    expect(parseKeyCombo('Mod+Shift+Z')).toEqual({ key: 'z', mod: true, shift: true, alt: false });
    expect(parseKeyCombo('Space').key).toBe(' ');
    expect(parseKeyCombo('+').key).toBe('+');
    expect(parseKeyCombo('Shift+Delete')).toEqual({ key: 'delete', mod: false, shift: true, alt: false });
  });

  it('matches Ctrl and Cmd as Mod, and requires the exact shift state', () => {
    const undo = parseKeyCombo('Mod+Z');
    expect(matchesCombo(key('z', { ctrl: true }), undo)).toBe(true);
    expect(matchesCombo(key('Z', { meta: true }), undo)).toBe(true);
    expect(matchesCombo(key('z', { ctrl: true, shift: true }), undo)).toBe(false);
    expect(matchesCombo(key('z'), undo)).toBe(false);
    expect(matchesCombo(key('=', { shift: true }), parseKeyCombo('+'))).toBe(true);
  });

  it('describes combos per platform', () => {
    expect(describeCombo('Mod+Shift+Z', true)).toBe('⌘⇧Z');
    expect(describeCombo('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(describeCombo('ArrowLeft', false)).toBe('Left');
  });
});

describe('shortcut registry', () => {
  it('runs the latest enabled binding and stops after unregistering', () => {
    const registry = new ShortcutRegistry();
    const calls: string[] = [];
    registry.register({ id: 'a', keys: ['B'], description: '', group: 'g', run: () => calls.push('a') });
    const remove = registry.register({
      id: 'b',
      keys: ['B', 'S'],
      description: '',
      group: 'g',
      run: () => calls.push('b'),
    });
    registry.register({
      id: 'c',
      keys: ['B'],
      description: '',
      group: 'g',
      enabled: () => false,
      run: () => calls.push('c'),
    });
    expect(registry.handle(key('b'))).toBe(true);
    expect(registry.handle(key('s'))).toBe(true);
    remove();
    registry.handle(key('b'));
    expect(registry.handle(key('x'))).toBe(false);
    expect(calls).toEqual(['b', 'b', 'a']);
    expect(registry.list().map((binding) => binding.id)).toEqual(['a', 'c']);
  });

  it('ignores auto-repeat unless the binding asks for it', () => {
    const registry = new ShortcutRegistry();
    let count = 0;
    registry.register({ id: 'blade', keys: ['B'], description: '', group: 'g', run: () => count++ });
    registry.handle({ ...key('b'), repeat: true });
    expect(count).toBe(0);
  });
});

describe('keys owned by the focused control', () => {
  const input = (type: string) => ({ tagName: 'INPUT', type, isContentEditable: false });
  const withRole = (role: string | null) => ({
    tagName: 'DIV',
    isContentEditable: false,
    getAttribute: (name: string) => (name === 'role' ? role : null),
  });

  it('treats sliders, spin buttons and text fields as owning their keys, buttons and boxes not', () => {
    for (const type of ['range', 'text', 'number', 'search'])
      expect(isTextEntry(input(type) as never)).toBe(true);
    for (const type of ['checkbox', 'button', 'color', 'file'])
      expect(isTextEntry(input(type) as never)).toBe(false);
    expect(isTextEntry({ tagName: 'TEXTAREA' } as never)).toBe(true);
    expect(isTextEntry({ tagName: 'DIV', isContentEditable: true } as never)).toBe(true);
    expect(isTextEntry(withRole('slider') as never)).toBe(true);
    expect(isTextEntry(withRole('spinbutton') as never)).toBe(true);
    expect(isTextEntry(withRole('listbox') as never)).toBe(false);
    expect(isTextEntry(withRole(null) as never)).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });

  it('lets a slider keep arrows and Home/End instead of running the global binding', () => {
    const registry = new ShortcutRegistry();
    const calls: string[] = [];
    registry.register({
      id: 'playhead.start',
      keys: ['Home', 'ArrowLeft'],
      description: '',
      group: 'g',
      run: () => calls.push('ran'),
    });
    const slider = input('range') as never;
    expect(registry.handle({ ...key('Home'), target: slider })).toBe(false);
    expect(registry.handle({ ...key('ArrowLeft'), target: slider })).toBe(false);
    expect(calls).toEqual([]);
    expect(registry.handle({ ...key('Home'), target: input('checkbox') as never })).toBe(true);
    expect(calls).toEqual(['ran']);
  });
});
