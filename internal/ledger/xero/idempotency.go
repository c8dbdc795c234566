package xero

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// MaxKeyLength is the longest Idempotency-Key Xero accepts.
const MaxKeyLength = 128

// IdempotencyKey derives an Idempotency-Key from what is being created, e.g.
// IdempotencyKey(profile, "xero", tenantID, autotaskInvoiceID, contentHash):
// the hex SHA-256 of the parts (64 characters, under Xero's 128). Each part
// is length-prefixed, so ("ab","c") and ("a","bc") give different keys.
func IdempotencyKey(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(strconv.Itoa(len(p))))
		h.Write([]byte{':'})
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}
