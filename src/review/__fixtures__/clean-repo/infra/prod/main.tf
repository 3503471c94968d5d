terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Project     = "shop"
      Owner       = "shop-team"
      Environment = "prod"
    }
  }
}

resource "aws_kms_key" "data" {
  description         = "shop data"
  enable_key_rotation = true
}

resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
  iam_role_arn    = var.flow_log_role_arn
}

resource "aws_cloudwatch_log_group" "flow" {
  name              = "/shop/prod/flow"
  retention_in_days = 90
}

variable "flow_log_role_arn" {
  type = string
}

variable "db_subnet_group" {
  type = string
}
