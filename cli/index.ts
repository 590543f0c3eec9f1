/**
 * cli/'s library surface (node-only: it reads files and runs the worker
 * pool): the programmatic experiment, the report renderer and scenario
 * loading. The package root re-exports it; nothing runs on import.
 */
export { ExperimentFailedError, renderReport, runExperiment, type ExperimentOptions, type ExperimentOutcome } from './api.js';
export { loadScenario } from './files.js';
