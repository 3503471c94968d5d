import type { Provider } from '../provider.js';

/**
 * The ordered provider registry: in a directory several providers may detect, the first
 * one here (after `supersedes`) owns the component. PHP and Ruby precede Node because
 * Laravel and Rails apps carry a package.json for their assets; static comes last.
 */
export const PROVIDERS: readonly Provider[] = [];
