/** Slipway's version: `--version`, SARIF's tool, and the package generated pipelines pin (a test keeps it equal to package.json). */
export const SLIPWAY_VERSION = '0.1.0';
