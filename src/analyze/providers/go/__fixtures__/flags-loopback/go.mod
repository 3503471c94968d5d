module example.com/tools/statusd

go 1.23.1

toolchain go1.23.4

require github.com/go-sql-driver/mysql v1.8.1
require github.com/lib/pq v1.10.9 // indirect
