import type { ServiceType } from '../../../spec/component.js';
import { backingName } from '../../k8s/backing/stateful-set.js';
import { STATEFUL } from '../../terraform/files/stateful.js';
import type { RunbookContext } from '../context.js';
import { code, para, section, sub } from '../markdown.js';

/** What AWS Backup's plan covers (backup.tf); ElastiCache keeps its own snapshots. */
const AWS_BACKUP: readonly ServiceType[] = ['postgres', 'mysql', 'mariadb', 'mongodb', 'minio'];
const ENGINE: Partial<Record<ServiceType, string>> = { postgres: 'aurora-postgresql', mysql: 'aurora-mysql', mariadb: 'aurora-mysql' };
/** A dump of the dev StatefulSet, with the tools its official image ships. */
const DEV_DUMP: Partial<Record<ServiceType, (ss: string) => string[]>> = {
  postgres: (ss) => [`kubectl -n <ns> exec statefulset/${ss} -- pg_dumpall -U postgres > ${ss}.sql`, `kubectl -n <ns> exec -i statefulset/${ss} -- psql -U postgres < ${ss}.sql`],
  mysql: (ss) => [`kubectl -n <ns> exec statefulset/${ss} -- sh -c 'mysqldump -uroot -p"$MYSQL_ROOT_PASSWORD" --all-databases' > ${ss}.sql`, `kubectl -n <ns> exec -i statefulset/${ss} -- sh -c 'mysql -uroot -p"$MYSQL_ROOT_PASSWORD"' < ${ss}.sql`],
  mariadb: (ss) => [`kubectl -n <ns> exec statefulset/${ss} -- sh -c 'mariadb-dump -uroot -p"$MARIADB_ROOT_PASSWORD" --all-databases' > ${ss}.sql`, `kubectl -n <ns> exec -i statefulset/${ss} -- sh -c 'mariadb -uroot -p"$MARIADB_ROOT_PASSWORD"' < ${ss}.sql`],
  mongodb: (ss) => [`kubectl -n <ns> exec statefulset/${ss} -- sh -c 'mongodump --archive -u root -p "$MONGO_INITDB_ROOT_PASSWORD"' > ${ss}.archive`, `kubectl -n <ns> exec -i statefulset/${ss} -- sh -c 'mongorestore --archive -u root -p "$MONGO_INITDB_ROOT_PASSWORD"' < ${ss}.archive`],
};

export function backupSection(ctx: RunbookContext): string[] {
  const types = [...new Set(ctx.workloads.flatMap((w) => w.services))].filter((t) => STATEFUL.includes(t));
  if (!types.length) return section('Restore a backup', para('No backing service holds data: the app is rebuilt from its repository and images. Queues and search indexes, if any, are rebuilt rather than restored.'));
  const prodEnv = ctx.envs.at(-1)!;
  const dev = ctx.plan.components[0]!.environments[0]!;
  const body: string[] = [];
  for (const t of types) {
    const cluster = ctx.managedIds.get(t)?.replace('<env>', prodEnv);
    const lines: string[] = [];
    const covered = ctx.backupVault && AWS_BACKUP.includes(t);
    if (covered) {
      lines.push(
        `aws backup list-recovery-points-by-backup-vault --backup-vault-name ${ctx.app}-${prodEnv}`,
        `aws backup start-restore-job --recovery-point-arn <arn from the list> --iam-role-arn arn:aws:iam::<account>:role/${ctx.app}-${prodEnv}-backup --metadata file://restore.json`,
      );
    }
    if (cluster && ENGINE[t]) {
      lines.push(
        `# or to any second of the retention window, into a new cluster:`,
        `aws rds restore-db-cluster-to-point-in-time --source-db-cluster-identifier ${cluster} --db-cluster-identifier ${cluster}-restored --restore-to-time <UTC time, 2026-01-31T09:30:00Z>`,
        `aws rds create-db-instance --db-cluster-identifier ${cluster}-restored --db-instance-identifier ${cluster}-restored-0 --engine ${ENGINE[t]} --db-instance-class db.r6g.large`,
      );
    } else if (cluster && t === 'mongodb') {
      lines.push(`aws docdb restore-db-cluster-to-point-in-time --source-db-cluster-identifier ${cluster} --db-cluster-identifier ${cluster}-restored --restore-to-time <UTC time>`);
    } else if (t === 'redis') {
      lines.push(`aws elasticache describe-snapshots --query 'Snapshots[?starts_with(SnapshotName, \`${ctx.app}-${prodEnv}\`)]'`);
    } else if (t === 'minio') {
      lines.push(`aws s3api list-object-versions --bucket <${ctx.app}-${prodEnv}-<account>-data> --prefix <key>   # versioned: copy an older version back`);
    }
    const dump = DEV_DUMP[t]?.(backingName(ctx.app, t)).map((l) => l.replace(/<ns>/g, dev.namespace));
    body.push(
      ...sub(t, [
        ...para(covered ? `test and prod: daily AWS Backup recovery points in the vault \`${ctx.app}-<env>\` (retention in deploy/terraform/env/<env>.tfvars).` : 'test and prod: the managed service\'s own snapshots.'),
        ...code(lines),
        ...para(`Then point the app at the restored copy: put its address into the secret \`${ctx.app}/${prodEnv}/${t}\` (key \`url\`) and restart the components that use it (\`kubectl -n ${ctx.app}-${prodEnv} rollout restart deployment/<component>\`).`),
        ...(dump ? [...para(`dev keeps ${t} in the StatefulSet \`${backingName(ctx.app, t)}\` (its volume is not backed up): dump and load by hand.`), ...code(dump)] : []),
      ]),
    );
  }
  return section('Restore a backup', [...para('Restore into a new resource, check it, then switch: the damaged one stays for the post-mortem.'), ...body]);
}
