export * from './primitives';
export * from './asset';
export * from './shot';
export * from './sequence';
export * from './project';
