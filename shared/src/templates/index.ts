export * from './schemas';
export * from './setup';
export * from './builtins';
