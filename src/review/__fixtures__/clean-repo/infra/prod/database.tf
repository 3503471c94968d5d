resource "aws_db_instance" "main" {
  identifier                   = "shop-prod"
  engine                       = "postgres"
  engine_version               = "16"
  instance_class               = "db.r7g.large"
  allocated_storage            = 100
  storage_type                 = "gp3"
  storage_encrypted            = true
  kms_key_id                   = aws_kms_key.data.arn
  multi_az                     = true
  publicly_accessible          = false
  backup_retention_period      = 14
  deletion_protection          = true
  performance_insights_enabled = true
  manage_master_user_password  = true
  username                     = "shop"
  db_subnet_group_name         = var.db_subnet_group
}

resource "aws_sns_topic" "alerts" {
  name = "shop-prod-alerts"
}

resource "aws_cloudwatch_metric_alarm" "db_storage" {
  alarm_name          = "shop-prod-db-free-storage"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  comparison_operator = "LessThanThreshold"
  threshold           = 10737418240
  evaluation_periods  = 3
  period              = 300
  statistic           = "Average"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.main.identifier }
  alarm_actions       = [aws_sns_topic.alerts.arn]
}
