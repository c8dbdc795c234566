package httpx

import (
	"maps"
	"sync"
)

// Counter counts requests sent per endpoint (see Endpoint). Benchmarks and
// tests read it to see how many real API calls a job made, retries included.
// It is safe for concurrent use; the zero value is ready to use.
type Counter struct {
	mu     sync.Mutex
	counts map[string]int64
}

func NewCounter() *Counter { return &Counter{counts: make(map[string]int64)} }

// Add counts one request to endpoint.
func (c *Counter) Add(endpoint string) {
	c.mu.Lock()
	if c.counts == nil {
		c.counts = make(map[string]int64)
	}
	c.counts[endpoint]++
	c.mu.Unlock()
}

// Count is the number of requests counted for endpoint.
func (c *Counter) Count(endpoint string) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.counts[endpoint]
}

// Total is the number of requests counted for all endpoints.
func (c *Counter) Total() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	var n int64
	for _, v := range c.counts {
		n += v
	}
	return n
}

// Snapshot returns a copy of the counts, safe to keep and change.
func (c *Counter) Snapshot() map[string]int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.counts == nil {
		return map[string]int64{}
	}
	return maps.Clone(c.counts)
}

// Reset forgets all counts.
func (c *Counter) Reset() {
	c.mu.Lock()
	clear(c.counts)
	c.mu.Unlock()
}
