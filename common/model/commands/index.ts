export * from './editCommand';
export * from './applyCommand';
export * from './describeCommand';
export * from './applyCommands';
