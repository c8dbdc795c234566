package autotask

import (
	"net/http"

	"github.com/billbridge/billbridge/internal/httpx"
)

// markIdempotent tells an httpx client that a POST which only reads (query,
// count) may be retried after a 429 or a dropped connection. A plain
// http.Client ignores the mark.
func markIdempotent(req *http.Request) *http.Request { return httpx.Idempotent(req) }
