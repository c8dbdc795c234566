package runner_test

import (
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/runner"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

func TestOptionsFollowSettingsUnlessChosen(t *testing.T) {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	detail, approved, sixty, yes := syncer.ModeDetail, ledger.StatusApproved, 60, true
	thru := time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		st   func(*store.Settings)
		c    runner.Choices
		want func(*syncer.Options)
	}{
		{"defaults", nil, runner.Choices{}, nil},
		{"settings", func(s *store.Settings) {
			s.InvoiceDraft, s.LineMode, s.MaxAgeDays, s.AdjustmentCap, s.LedgerNumbering = false, "summary", 30, "0.10", true
		}, runner.Choices{}, func(o *syncer.Options) {
			o.Status, o.LineMode, o.Window.MaxAgeDays, o.AdjustmentCap, o.LedgerNumbering = ledger.StatusApproved, syncer.ModeSummary, 30, money.MustParse("0.10"), true
		}},
		{"choices win", nil, runner.Choices{Thru: thru, MaxAgeDays: &sixty, LedgerNumbering: &yes, LineMode: &detail, Status: &approved},
			func(o *syncer.Options) {
				o.Window = syncer.Window{Thru: thru, MaxAgeDays: 60}
				o.LedgerNumbering, o.LineMode, o.Status = true, syncer.ModeDetail, ledger.StatusApproved
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := store.DefaultSettings()
			if tt.st != nil {
				tt.st(&st)
			}
			want := syncer.Options{Window: syncer.Window{Thru: now, MaxAgeDays: 45}, LineMode: syncer.ModeStandard,
				Status: ledger.StatusDraft, CreateItems: true, AdjustmentCap: money.MustParse("0.05")}
			if tt.want != nil {
				tt.want(&want)
			}
			got, err := runner.Options(st, tt.c, now)
			if err != nil {
				t.Fatal(err)
			}
			if got.Window != want.Window || got.LineMode != want.LineMode || got.Status != want.Status ||
				got.LedgerNumbering != want.LedgerNumbering || !got.AdjustmentCap.Equal(want.AdjustmentCap) || got.CreateItems != want.CreateItems {
				t.Fatalf("Options = %+v\nwant      %+v", got, want)
			}
		})
	}
}
