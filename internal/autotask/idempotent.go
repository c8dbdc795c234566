package autotask

import (
	"net/http"

	"github.com/billbridge/billbridge/internal/httpx"
)

// markIdempotent tells an httpx client that a request may be retried after
// a 429 or a dropped connection: a POST which only reads (query, count), or a
// PATCH setting fields to given values (write-back). A plain http.Client
// ignores the mark.
func markIdempotent(req *http.Request) *http.Request { return httpx.Idempotent(req) }
