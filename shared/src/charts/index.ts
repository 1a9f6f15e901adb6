// Charts: data from the workshop state, drawn once as SVG for every screen and report.
export * from './labels';
export * from './data';
export * from './figures';
export { esc as escapeSvgText, type ChartMode } from './svg';
