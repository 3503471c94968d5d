import dc001 from './dc-001-privileged.js';
import dc002 from './dc-002-docker-socket.js';
import dc003 from './dc-003-image-tag.js';
import dc004 from './dc-004-secrets-in-environment.js';
import dc005 from './dc-005-published-datastore.js';

export const COMPOSE_RULES = [dc001, dc002, dc003, dc004, dc005];
