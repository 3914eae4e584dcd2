export * from './renderPlan';
export * from './presets';
export * from './compileSequence';
export * from './planToArgs';
export type { EditReadyFacts } from './smartChoice';
