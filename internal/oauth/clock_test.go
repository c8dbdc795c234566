package oauth_test

import (
	"sync"
	"time"
)

// clock is a settable clock shared by a test's fake server and token source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

// newClock starts at the real time, because tokens from Authorize carry real-time expiries.
func newClock() *clock { return &clock{t: time.Now()} }

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }
