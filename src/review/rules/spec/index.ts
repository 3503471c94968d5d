import spec001 from './spec-001-secret-env.js';
import spec002 from './spec-002-healthcheck.js';
import spec003 from './spec-003-test-command.js';

export const SPEC_RULES = [spec001, spec002, spec003];
