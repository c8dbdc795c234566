// Package schedule runs the automatic sync while the app is open: every
// interval, paused and resumed by the user, never two runs at once. The OS
// scheduler uses `billbridge sync` instead, for when the app is closed.
package schedule

import (
	"context"
	"sync"
	"time"
)

// Status is what the Dashboard and Settings show.
type Status struct {
	Enabled   bool
	Interval  time.Duration
	Next      time.Time // zero when paused
	Last      time.Time // zero before the first run
	LastError string
	Running   bool
}

// Scheduler calls run every interval while enabled.
type Scheduler struct {
	run   func(context.Context) error
	now   func() time.Time
	after func(time.Duration) <-chan time.Time

	mu      sync.Mutex
	st      Status
	changed chan struct{} // wakes Loop when the configuration changes
}

// New returns a paused scheduler. now and after are the clock (nil: the
// real one).
func New(run func(context.Context) error, now func() time.Time, after func(time.Duration) <-chan time.Time) *Scheduler {
	if now == nil {
		now = time.Now
	}
	if after == nil {
		after = time.After
	}
	return &Scheduler{run: run, now: now, after: after, changed: make(chan struct{}, 1)}
}

// Configure pauses (enabled false) or resumes with an interval; the next run
// is one interval from now.
func (s *Scheduler) Configure(enabled bool, interval time.Duration) {
	s.mu.Lock()
	s.st.Enabled, s.st.Interval = enabled, interval
	s.st.Next = time.Time{}
	if enabled && interval > 0 {
		s.st.Next = s.now().Add(interval)
	}
	s.mu.Unlock()
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// Status returns the current state.
func (s *Scheduler) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st
}

// Loop runs until ctx ends.
func (s *Scheduler) Loop(ctx context.Context) {
	for {
		s.mu.Lock()
		next := s.st.Next
		s.mu.Unlock()
		var fire <-chan time.Time
		if !next.IsZero() {
			fire = s.after(max(next.Sub(s.now()), 0))
		}
		select {
		case <-ctx.Done():
			return
		case <-s.changed:
			continue
		case <-fire:
		}
		s.runOnce(ctx)
	}
}

func (s *Scheduler) runOnce(ctx context.Context) {
	s.mu.Lock()
	if !s.st.Enabled || s.st.Running {
		s.mu.Unlock()
		return
	}
	s.st.Running = true
	s.mu.Unlock()

	err := s.run(ctx)

	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.Running, s.st.Last, s.st.LastError = false, s.now(), ""
	if err != nil {
		s.st.LastError = err.Error()
	}
	if s.st.Enabled {
		s.st.Next = s.now().Add(s.st.Interval)
	}
}
