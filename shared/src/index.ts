export * from './model';
export * from './protocol';
export * from './decide';
export * from './reduce';
export * from './scope';
export * from './text';
export * from './assert';
export * from './presets';
