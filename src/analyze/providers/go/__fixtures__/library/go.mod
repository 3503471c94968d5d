module github.com/example/money

go 1.21
