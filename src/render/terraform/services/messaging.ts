import { nested, raw, resource, tpl, type Block } from '../hcl/model.js';
import { connectionSecret, password, securityGroup } from './shared.js';

/** RabbitMQ → Amazon MQ: a three-node cluster across AZs in prod, one small broker elsewhere; AMQPS only. */
export function rabbitmqBlocks(): Block[] {
  return [
    ...securityGroup('rabbitmq'),
    password('rabbitmq'),
    resource('aws_mq_broker', 'rabbitmq', {
      broker_name: tpl('${local.name}-rabbitmq'),
      engine_type: 'RabbitMQ',
      engine_version: '3.13',
      host_instance_type: raw('var.mq_instance_type'),
      deployment_mode: raw('local.is_prod ? "CLUSTER_MULTI_AZ" : "SINGLE_INSTANCE"'),
      publicly_accessible: false,
      subnet_ids: raw('local.is_prod ? module.vpc.private_subnets : [module.vpc.private_subnets[0]]'),
      security_groups: raw('[aws_security_group.rabbitmq.id]'),
      auto_minor_version_upgrade: true,
      encryption_options: nested({ kms_key_id: raw('aws_kms_key.main.arn'), use_aws_owned_key: false }),
      logs: nested({ general: true }),
      user: nested({ username: 'app', password: raw('random_password.rabbitmq.result') }),
    }),
    ...connectionSecret('rabbitmq', {
      url: raw('replace(aws_mq_broker.rabbitmq.instances[0].endpoints[0], "amqps://", "amqps://app:${random_password.rabbitmq.result}@")'),
      password: raw('random_password.rabbitmq.result'),
    }),
  ];
}

/** Kafka → Amazon MSK: one broker per AZ of the profile, TLS between clients and brokers. */
export function kafkaBlocks(): Block[] {
  return [
    ...securityGroup('kafka'),
    resource('aws_msk_cluster', 'kafka', {
      cluster_name: tpl('${local.name}-kafka'),
      kafka_version: '3.6.0',
      number_of_broker_nodes: raw('local.az_count'),
      broker_node_group_info: nested({
        instance_type: raw('var.kafka_instance_type'),
        client_subnets: raw('module.vpc.private_subnets'),
        security_groups: raw('[aws_security_group.kafka.id]'),
        storage_info: nested({ ebs_storage_info: nested({ volume_size: raw('local.is_prod ? 500 : 50') }) }),
      }),
      encryption_info: nested({
        encryption_at_rest_kms_key_arn: raw('aws_kms_key.main.arn'),
        encryption_in_transit: nested({ client_broker: 'TLS', in_cluster: true }),
      }),
    }),
    ...connectionSecret('kafka', { url: raw('aws_msk_cluster.kafka.bootstrap_brokers_tls') }),
  ];
}

/**
 * A FIFO queue with a dead-letter queue: messages processed in order, poison messages
 * parked after 5 attempts and kept 14 days for inspection. Components get access through
 * EKS Pod Identity (workload-iam.tf), not keys.
 */
export function sqsBlocks(): Block[] {
  return [
    resource('aws_sqs_queue', 'dlq', {
      name: tpl('${local.name}-dlq.fifo'),
      fifo_queue: true,
      message_retention_seconds: 1_209_600,
      kms_master_key_id: raw('aws_kms_key.main.arn'),
    }),
    resource('aws_sqs_queue', 'main', {
      name: tpl('${local.name}.fifo'),
      fifo_queue: true,
      content_based_deduplication: true,
      visibility_timeout_seconds: 60,
      message_retention_seconds: 345_600,
      kms_master_key_id: raw('aws_kms_key.main.arn'),
      redrive_policy: raw('jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 5 })'),
    }),
    resource('aws_sqs_queue_redrive_allow_policy', 'dlq', {
      queue_url: raw('aws_sqs_queue.dlq.id'),
      redrive_allow_policy: raw('jsonencode({ redrivePermission = "byQueue", sourceQueueArns = [aws_sqs_queue.main.arn] })'),
    }),
    ...connectionSecret('sqs', { url: raw('aws_sqs_queue.main.url'), dead_letter_url: raw('aws_sqs_queue.dlq.url') }),
  ];
}
