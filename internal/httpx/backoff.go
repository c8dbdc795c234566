package httpx

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// backoff is the capped exponential delay before retry number n (0-based):
// base, 2×base, 4×base, … never above max.
func backoff(n int, base, max time.Duration) time.Duration {
	d := base
	for i := 0; i < n; i++ {
		if d >= max/2 {
			return max
		}
		d *= 2
	}
	return min(d, max)
}

// retryAfter reads a Retry-After header given as seconds or as an HTTP date.
// It reports false when the header is missing or unreadable.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		// Anything beyond a day is capped later anyway; avoid overflow.
		return time.Duration(min(secs, 86400)) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
