export * from './keyCombo';
export * from './shortcutRegistry';
export * from './ShortcutProvider';
