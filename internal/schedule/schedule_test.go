package schedule_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/schedule"
)

// fakeClock lets the test decide when timers fire.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []chan time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	c.timers = append(c.timers, ch)
	return ch
}

// fire advances the clock and fires the newest timer.
func (c *fakeClock) fire(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	ch := c.timers[len(c.timers)-1]
	c.mu.Unlock()
	ch <- c.now
}

func (c *fakeClock) waitTimers(t *testing.T, n int) {
	t.Helper()
	for i := 0; i < 2000; i++ {
		c.mu.Lock()
		got := len(c.timers)
		c.mu.Unlock()
		if got >= n {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("the scheduler never waited for timer %d", n)
}

func TestScheduler(t *testing.T) {
	clock := &fakeClock{now: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	runs := make(chan struct{}, 10)
	fail := false
	s := schedule.New(func(context.Context) error {
		runs <- struct{}{}
		if fail {
			return errors.New("Xero refused the access token")
		}
		return nil
	}, clock.Now, clock.After)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Loop(ctx)

	if st := s.Status(); st.Enabled || !st.Next.IsZero() {
		t.Fatalf("a new scheduler is not paused: %+v", st)
	}
	s.Configure(true, time.Hour)
	if want := clock.Now().Add(time.Hour); !s.Status().Next.Equal(want) {
		t.Fatalf("next = %v, want %v", s.Status().Next, want)
	}
	clock.waitTimers(t, 1)
	clock.fire(time.Hour)
	<-runs
	clock.waitTimers(t, 2)
	st := s.Status()
	if !st.Last.Equal(clock.Now()) || !st.Next.Equal(clock.Now().Add(time.Hour)) || st.LastError != "" {
		t.Fatalf("after a run: %+v", st)
	}

	fail = true
	clock.fire(time.Hour)
	<-runs
	clock.waitTimers(t, 3)
	if st := s.Status(); st.LastError != "Xero refused the access token" {
		t.Fatalf("the failure is not shown: %+v", st)
	}

	// Paused: a timer that still fires runs nothing.
	s.Configure(false, time.Hour)
	clock.waitTimers(t, 3)
	select {
	case <-runs:
		t.Fatal("ran while paused")
	case <-time.After(20 * time.Millisecond):
	}
	if st := s.Status(); st.Enabled || !st.Next.IsZero() {
		t.Fatalf("paused status: %+v", st)
	}
}
