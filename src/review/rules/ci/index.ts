import ci001 from './ci-001-pinned-actions.js';
import ci002 from './ci-002-script-injection.js';
import ci003 from './ci-003-secrets-echoed.js';
import ci004 from './ci-004-test-before-deploy.js';
import ci005 from './ci-005-pull-request-target.js';
import ci006 from './ci-006-workflow-permissions.js';
import ci007 from './ci-007-remote-script.js';
import ci008 from './ci-008-prod-approval.js';

export const CI_RULES = [ci001, ci002, ci003, ci004, ci005, ci006, ci007, ci008];
