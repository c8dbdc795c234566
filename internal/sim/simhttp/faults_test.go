package simhttp_test

import (
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/sim/simhttp"
)

func TestFaultInjectorNext(t *testing.T) {
	type call struct{ browser, limited bool }
	api, token, consent := call{false, true}, call{false, false}, call{true, false}
	tests := []struct {
		name   string
		faults simhttp.Faults
		calls  []call
		want   []simhttp.Fault
	}{
		{"no knobs, no faults", simhttp.Faults{}, []call{api, token, consent},
			[]simhttp.Fault{{}, {}, {}}},
		{"burst hits limited calls only", simhttp.Faults{Status429Burst: 2}, []call{token, api, consent, api, api},
			[]simhttp.Fault{{}, {Status: 429}, {}, {Status: 429}, {}}},
		{"errors default to 500", simhttp.Faults{ErrorRate: 1}, []call{api, token},
			[]simhttp.Fault{{Status: 500}, {Status: 500}}},
		{"errors use Status5xx", simhttp.Faults{ErrorRate: 1, Status5xx: 503}, []call{api},
			[]simhttp.Fault{{Status: 503}}},
		{"burst before errors", simhttp.Faults{Status429Burst: 1, ErrorRate: 1}, []call{api, api},
			[]simhttp.Fault{{Status: 429}, {Status: 500}}},
		{"errors before resets", simhttp.Faults{ErrorRate: 1, ResetRate: 1}, []call{api},
			[]simhttp.Fault{{Status: 500}}},
		{"resets", simhttp.Faults{ResetRate: 1}, []call{api, token},
			[]simhttp.Fault{{Reset: true}, {Reset: true}}},
		{"the browser is only delayed", simhttp.Faults{Status429Burst: 1, ErrorRate: 1, ResetRate: 1, Latency: time.Millisecond},
			[]call{consent}, []simhttp.Fault{{Latency: time.Millisecond}}},
		{"latency on every call", simhttp.Faults{Latency: 5 * time.Millisecond}, []call{api, token},
			[]simhttp.Fault{{Latency: 5 * time.Millisecond}, {Latency: 5 * time.Millisecond}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fi := simhttp.NewFaultInjector(tt.faults)
			for i, c := range tt.calls {
				if got := fi.Next(c.browser, c.limited); got != tt.want[i] {
					t.Fatalf("call %d: got %+v, want %+v", i, got, tt.want[i])
				}
			}
		})
	}
}

func TestFaultInjectorSeededAndSet(t *testing.T) {
	knobs := simhttp.Faults{ErrorRate: 0.3, ResetRate: 0.3, Seed: 42}
	draw := func(fi *simhttp.FaultInjector) []simhttp.Fault {
		out := make([]simhttp.Fault, 200)
		for i := range out {
			out[i] = fi.Next(false, true)
		}
		return out
	}
	fi := simhttp.NewFaultInjector(knobs)
	first := draw(fi)
	var errs, resets int
	for _, f := range first {
		if f.Status != 0 {
			errs++
		}
		if f.Reset {
			resets++
		}
	}
	if errs < 30 || errs > 90 || resets < 20 || resets > 80 {
		t.Fatalf("with 30%% rates: %d errors and %d resets of 200", errs, resets)
	}
	fi.Set(knobs) // restarts the sequence
	if again := draw(fi); !equal(first, again) {
		t.Fatal("Set with the same seed did not repeat the sequence")
	}
	if other := draw(simhttp.NewFaultInjector(simhttp.Faults{ErrorRate: 0.3, ResetRate: 0.3, Seed: 43})); equal(first, other) {
		t.Fatal("another seed gave the same sequence")
	}
	fi.Set(simhttp.Faults{Status429Burst: 1})
	if got := fi.Next(false, true); got.Status != 429 {
		t.Fatalf("Set did not restart the burst: %+v", got)
	}
}

func equal(a, b []simhttp.Fault) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
