# slipway-expect: SLW-TF-007, SLW-TF-009, SLW-TF-010, SLW-TF-011, SLW-TF-012, SLW-TF-039, SLW-TF-042
resource "aws_db_instance" "default" {
  identifier              = "goat-db"
  engine                  = "mysql"
  engine_version          = "8.0"
  # slipway-expect: SLW-TF-034
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  # slipway-expect: SLW-TF-033
  storage_type            = "gp2"
  username                = "admin"
  # slipway-expect: SLW-TF-032
  password                = "Aa1234321Bb"
  # slipway-expect: SLW-TF-008
  publicly_accessible     = true
  skip_final_snapshot     = true
}
