export * from './jsonPath';
export * from './validateReferences';
export * from './parseProject';
