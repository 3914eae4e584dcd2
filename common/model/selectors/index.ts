export * from './timelineSelectors';
export * from './binSelectors';
