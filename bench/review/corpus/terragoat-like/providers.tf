# Deliberately vulnerable infrastructure, written for Slipway's review benchmark in the style
# of terragoat. Each `slipway-expect` comment labels the finding a reviewer should raise.
provider "aws" {
  region     = "us-west-2"
  # slipway-expect: SLW-TF-032
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

variable "environment" {
  default = "production"
}
