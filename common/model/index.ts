export * from './schema';
export * from './ids';
export * from './newProject';
