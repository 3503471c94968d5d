import cfg001 from './cfg-001-known-key-format.js';
import cfg002 from './cfg-002-secret-value.js';
import cfg003 from './cfg-003-url-credentials.js';
import cfg004 from './cfg-004-env-file-ignored.js';

export const CONFIG_RULES = [cfg001, cfg002, cfg003, cfg004];
