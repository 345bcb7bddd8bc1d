export * from './cluster';
export * from './patch';
export * from './api';
export * from './events';
export * from './metrics';
export * from './groups';
export * from './actions';
export * from './action-schemas';
