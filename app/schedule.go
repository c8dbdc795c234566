package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/runner"
	"github.com/billbridge/billbridge/internal/schedule"
	"github.com/billbridge/billbridge/internal/store"
)

// Schedule is the automatic sync while the app is open: pause, resume, how
// often, and what the last run did.
type Schedule struct {
	deps Deps
	s    *schedule.Scheduler
}

// NewSchedule returns the service; main starts Loop in OnStartup.
func NewSchedule(deps Deps) *Schedule {
	sc := &Schedule{deps: deps}
	sc.s = schedule.New(sc.syncAll, nil, nil)
	return sc
}

// Loop applies the stored settings and runs the schedule until ctx ends.
// It is not bound; main calls it.
func (sc *Schedule) Loop(ctx context.Context) {
	if st, err := sc.deps.Store.Settings(ctx); err == nil {
		sc.s.Configure(st.AutoSync, time.Duration(st.SyncIntervalMinutes)*time.Minute)
	}
	sc.s.Loop(ctx)
}

// ScheduleDTO is the schedule as Settings and the Dashboard show it.
type ScheduleDTO struct {
	Enabled         bool   `json:"enabled"`
	IntervalMinutes int    `json:"intervalMinutes"`
	NextRun         string `json:"nextRun"` // RFC 3339, "" when paused
	LastRun         string `json:"lastRun"`
	LastError       string `json:"lastError"`
	Running         bool   `json:"running"`
}

// Status returns the schedule's state.
func (sc *Schedule) Status() (ScheduleDTO, error) {
	st := sc.s.Status()
	return ScheduleDTO{Enabled: st.Enabled, IntervalMinutes: int(st.Interval / time.Minute), NextRun: rfc3339(st.Next),
		LastRun: rfc3339(st.Last), LastError: st.LastError, Running: st.Running}, nil
}

// Set pauses or resumes the automatic sync and sets how often it runs.
func (sc *Schedule) Set(enabled bool, intervalMinutes int) (ScheduleDTO, error) {
	ctx := sc.deps.Lifecycle.Context()
	st, err := sc.deps.Store.UpdateSettings(ctx, store.SettingsUpdate{AutoSync: &enabled, SyncIntervalMinutes: &intervalMinutes})
	if err != nil {
		return ScheduleDTO{}, fmt.Errorf("app: schedule: %w", err)
	}
	sc.s.Configure(st.AutoSync, time.Duration(st.SyncIntervalMinutes)*time.Minute)
	if enabled {
		audit(sc.deps, 0, "schedule.resume", fmt.Sprintf("Automatic sync every %d minutes", st.SyncIntervalMinutes))
	} else {
		audit(sc.deps, 0, "schedule.pause", "Automatic sync paused")
	}
	return sc.Status()
}

// syncAll syncs every profile connected to a ledger with the stored
// settings; one profile's failure does not stop the others.
func (sc *Schedule) syncAll(ctx context.Context) error {
	ps, err := sc.deps.Store.Profiles(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, p := range ps {
		if p.LedgerKind == store.LedgerNone || p.AutotaskUsername == "" {
			continue
		}
		summary, err := syncProfile(ctx, sc.deps, p.ID)
		if err != nil {
			auditAs(sc.deps, "scheduler", p.ID, "sync.auto.failed", err.Error())
			errs = append(errs, fmt.Errorf("%s: %w", p.Name, err))
			continue
		}
		auditAs(sc.deps, "scheduler", p.ID, "sync.auto", summary)
	}
	return errors.Join(errs...)
}

// syncProfile runs one profile's sync with the stored settings.
func syncProfile(ctx context.Context, deps Deps, profileID int64) (string, error) {
	eng, opts, _, err := runner.Open(ctx, deps.connectDeps(), profileID, runner.Choices{})
	if err != nil {
		return "", err
	}
	sum, err := eng.Sync(ctx, opts)
	if err != nil {
		return "", err
	}
	return sum.String(), nil
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
