import type { ServiceType } from '../../../spec/component.js';
import type { TfContext } from '../context.js';

/**
 * Services holding data worth a recovery point: AWS Backup covers Aurora, DocumentDB and S3;
 * ElastiCache keeps its own snapshots. Queues and search indexes are rebuilt, not restored.
 */
export const STATEFUL: readonly ServiceType[] = ['postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'minio'];

/** backup.tf is generated when a service holds data. */
export const hasBackupPlan = (ctx: TfContext): boolean => ctx.services.some((s) => STATEFUL.includes(s));
