# fixture-path: envs/test/compute.tf
resource "aws_autoscaling_group" "web" {
  name     = "web-test"
  min_size = 1
  max_size = 2
}

resource "aws_autoscaling_schedule" "night" {
  scheduled_action_name  = "night"
  autoscaling_group_name = aws_autoscaling_group.web.name
  min_size               = 0
  max_size               = 0
  desired_capacity       = 0
  recurrence             = "0 20 * * MON-FRI"
}
