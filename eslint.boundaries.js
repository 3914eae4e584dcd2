// The import boundaries of DESIGN.md section 3, as lint rules:
// common/ imports only common/ (no electron, node:*, DOM libraries or React);
// renderer/ never imports main/, electron or node:*; only main/electron/ imports electron.
import { builtinModules } from 'node:module';

// Bare built-in names are listed as exact paths (a pattern 'events' would also match './events').
const builtinPaths = builtinModules
  .filter((name) => !name.startsWith('_'))
  .map((name) => ({ name, message: 'No Node built-ins here.' }));
const nodeBuiltins = ['node:*'];

export const importBoundaries = [
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinPaths,
          patterns: [
            { group: ['electron', 'electron/*'], message: 'common/ is pure: no electron.' },
            { group: nodeBuiltins, message: 'common/ is pure: no Node built-ins.' },
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'wavesurfer.js'],
              message: 'common/ is pure: no UI libraries.',
            },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'common/ imports only common/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinPaths,
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer never imports electron: use window.shotloom.',
            },
            { group: nodeBuiltins, message: 'The renderer never imports Node built-ins.' },
            {
              group: ['**/main/**', '**/main', '**/preload/**'],
              message: 'The renderer never imports main/: go through the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'Only main/electron/ imports electron; services stay plain Node.',
            },
            { group: ['**/renderer/**'], message: 'main/ never imports the renderer.' },
          ],
        },
      ],
    },
  },
];
