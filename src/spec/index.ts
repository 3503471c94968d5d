export * from './app-spec.js';
export * from './component.js';
export * from './evidence.js';
export * from './pipeline.js';
export { formatProblem, type SpecProblem } from './errors.js';
export { loadSpec, parseSpec, writeSpecText, SPEC_FILE, type ParsedSpec } from './io.js';
export { mergeInferred } from './merge.js';
export { specToDocument, specToYaml } from './serialize.js';
