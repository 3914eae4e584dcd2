export * from './projectStore';
export * from './uiStore';
export * from './ProjectStoreProvider';
