export * from './schema';
export * from './ids';
export * from './newProject';
export * from './commands';
export * from './history';
export * from './migrations';
export * from './validation';
export * from './operations';
