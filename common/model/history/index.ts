export * from './patch';
export * from './editHistory';
