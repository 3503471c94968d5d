import type { ServiceType } from '../../../spec/component.js';

/**
 * Services holding data worth a recovery point: AWS Backup covers Aurora, DocumentDB and S3;
 * ElastiCache keeps its own snapshots. Queues and search indexes are rebuilt, not restored.
 */
export const STATEFUL: readonly ServiceType[] = ['postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'minio'];
