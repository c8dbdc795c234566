module github.com/billbridge/billbridge

go 1.26.8

require github.com/shopspring/decimal v1.4.0
