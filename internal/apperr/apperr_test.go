package apperr_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/billbridge/billbridge/internal/apperr"
)

func TestPublic(t *testing.T) {
	cause := errors.New("dial tcp: connection refused")
	tests := []struct {
		name     string
		err      error
		wantCode apperr.Code
		wantMsg  string
	}{
		{"wrapped app error keeps message", fmt.Errorf("autotask: zone: %w", apperr.Wrap(cause, apperr.Unavailable, "Autotask could not be reached", "Check your internet connection")), apperr.Unavailable, "Autotask could not be reached"},
		{"plain error becomes internal", fmt.Errorf("store: open: %w", cause), apperr.Internal, "Internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := apperr.Public(tt.err)
			if got.Code != tt.wantCode || got.Message != tt.wantMsg {
				t.Fatalf("Public() = %+v, want code %s message %q", got, tt.wantCode, tt.wantMsg)
			}
			if got.Err != nil {
				t.Fatalf("Public() leaks its cause: %v", got.Err)
			}
			if apperr.CodeOf(tt.err) != tt.wantCode {
				t.Fatalf("CodeOf() = %s, want %s", apperr.CodeOf(tt.err), tt.wantCode)
			}
		})
	}
	if apperr.Public(nil) != nil {
		t.Fatal("Public(nil) should be nil")
	}
}
