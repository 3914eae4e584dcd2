export * from './rational';
export * from './rescale';
