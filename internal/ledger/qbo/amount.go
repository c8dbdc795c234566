package qbo

import "github.com/billbridge/billbridge/internal/money"

// Amount is money.Decimal; the alias keeps model declarations short.
type Amount = money.Decimal
