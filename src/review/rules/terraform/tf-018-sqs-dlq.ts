import { defineRule, each } from '../../rule.js';
import { at, pointsAt, resources } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-018',
    slug: 'sqs-dlq',
    target: 'terraform',
    pillar: 'reliability',
    severity: 'medium',
    title: 'SQS queue without a dead-letter queue',
    rationale: 'A message that always fails is retried until it expires, blocking consumers and then vanishing; a DLQ keeps it for inspection and replay.',
    fixHint: 'Set `redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.<dlq>.arn, maxReceiveCount = 5 })`.',
    wellArchitected: ['REL05-BP03', 'REL06-BP01'],
    equivalents: {},
  },
  check(mod) {
    const queues = resources(mod, 'aws_sqs_queue');
    const isDlq = (q: (typeof queues)[number]): boolean =>
      /dlq|dead/i.test(q.name) || queues.some((o) => o !== q && pointsAt(o, 'redrive_policy', q)) || resources(mod, 'aws_sqs_queue_redrive_allow_policy').some((p) => pointsAt(p, 'queue_url', q));
    return each(queues, (q) => {
      if (q.body.redrive_policy !== undefined || isDlq(q)) return null;
      if (resources(mod, 'aws_sqs_queue_redrive_policy').some((p) => pointsAt(p, 'queue_url', q))) return null;
      return at(q, [], `aws_sqs_queue.${q.name} has no dead-letter queue`);
    });
  },
});
