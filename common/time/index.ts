export * from './rational';
export * from './rescale';
export * from './timecode';
