package app_test

import (
	"testing"

	"github.com/billbridge/billbridge/app"
	"github.com/billbridge/billbridge/internal/apperr"
)

func TestSchedulePauseAndResume(t *testing.T) {
	deps, _ := newDeps(t)
	sc := app.NewSchedule(deps)
	st, err := sc.Status()
	if err != nil || st.Enabled {
		t.Fatalf("a new schedule is not paused: %+v, %v", st, err)
	}
	st, err = sc.Set(true, 30)
	if err != nil || !st.Enabled || st.IntervalMinutes != 30 || st.NextRun == "" {
		t.Fatalf("resumed: %+v, %v", st, err)
	}
	settings, _ := app.NewSettings(deps).Get()
	if !settings.AutoSync || settings.SyncIntervalMinutes != 30 {
		t.Fatalf("settings after resume: %+v", settings)
	}
	if _, err := sc.Set(true, 5); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("every 5 minutes accepted: %v", err)
	}
	if st, err = sc.Set(false, 30); err != nil || st.Enabled || st.NextRun != "" {
		t.Fatalf("paused: %+v, %v", st, err)
	}
}
