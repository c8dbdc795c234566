package httpx_test

import (
	"maps"
	"sync"
	"testing"

	"github.com/billbridge/billbridge/internal/httpx"
)

func TestCounter(t *testing.T) {
	c := httpx.NewCounter()
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			c.Add("GET /a")
			c.Add("POST /b")
			c.Add("POST /b")
		})
	}
	wg.Wait()
	if got := c.Count("GET /a"); got != 50 {
		t.Errorf("Count(GET /a) = %d, want 50", got)
	}
	if got := c.Count("GET /missing"); got != 0 {
		t.Errorf("Count(GET /missing) = %d, want 0", got)
	}
	if got := c.Total(); got != 150 {
		t.Errorf("Total = %d, want 150", got)
	}
	snap := c.Snapshot()
	if want := map[string]int64{"GET /a": 50, "POST /b": 100}; !maps.Equal(snap, want) {
		t.Errorf("Snapshot = %v, want %v", snap, want)
	}
	snap["GET /a"] = 0
	if c.Count("GET /a") != 50 {
		t.Error("changing a snapshot changed the counter")
	}
	c.Reset()
	if c.Total() != 0 || len(c.Snapshot()) != 0 {
		t.Errorf("after Reset: total %d, snapshot %v", c.Total(), c.Snapshot())
	}
}

func TestCounterZeroValue(t *testing.T) {
	var c httpx.Counter
	if c.Total() != 0 || c.Snapshot() == nil {
		t.Fatal("zero Counter not empty")
	}
	c.Add("GET /")
	if c.Count("GET /") != 1 {
		t.Errorf("Count = %d, want 1", c.Count("GET /"))
	}
}
