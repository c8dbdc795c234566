package qbo

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Lengths Intuit accepts for the requestid query parameter.
const (
	MaxRequestIDLength      = 50 // on single-object writes
	MaxBatchRequestIDLength = 36 // on /batch
	maxBatchIDLength        = 10 // each bId inside a batch
)

// RequestID derives a requestid from what is being written, e.g.
// RequestID(profile, "qbo", realmID, autotaskInvoiceID, contentHash). It is
// the SHA-256 of the parts shaped as a UUID (36 characters), so it fits both
// the single-write limit (50) and the batch limit (36), and the same parts
// always give the same id. Each part is length-prefixed, so ("ab","c") and
// ("a","bc") differ.
func RequestID(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(strconv.Itoa(len(p))))
		h.Write([]byte{':'})
		h.Write([]byte(p))
	}
	s := hex.EncodeToString(h.Sum(nil)[:16])
	return s[0:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:32]
}

// writeID is the requestid of one write: derived from the caller's key and
// what the write does, so a create and an update under the same key differ.
// An empty key leaves it to do, which derives one from the request itself.
func writeID(key string, parts ...string) string {
	if key == "" {
		return ""
	}
	return RequestID(append([]string{key}, parts...)...)
}
