export * from './editCommand';
export * from './applyCommand';
export * from './describeCommand';
