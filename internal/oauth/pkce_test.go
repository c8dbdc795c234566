package oauth_test

import (
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/oauth"
)

func TestS256ChallengeRFC7636Vector(t *testing.T) {
	// RFC 7636 Appendix B.
	const verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
	const want = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
	if got := oauth.S256Challenge(verifier); got != want {
		t.Fatalf("S256Challenge = %q, want %q", got, want)
	}
}

func TestNewVerifier(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		v, err := oauth.NewVerifier()
		if err != nil {
			t.Fatal(err)
		}
		if !oauth.ValidVerifier(v) {
			t.Fatalf("NewVerifier() = %q is not a valid RFC 7636 verifier", v)
		}
		if seen[v] {
			t.Fatalf("NewVerifier() repeated %q", v)
		}
		seen[v] = true
	}
}

func TestValidVerifier(t *testing.T) {
	tests := []struct {
		name string
		v    string
		want bool
	}{
		{"rfc vector", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", true},
		{"42 chars too short", strings.Repeat("a", 42), false},
		{"43 chars", strings.Repeat("a", 43), true},
		{"128 chars", strings.Repeat("~", 128), true},
		{"129 chars too long", strings.Repeat("a", 129), false},
		{"reserved character", strings.Repeat("a", 43) + "+", false},
		{"space", strings.Repeat("a", 43) + " ", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := oauth.ValidVerifier(tt.v); got != tt.want {
				t.Fatalf("ValidVerifier(%q) = %v, want %v", tt.v, got, tt.want)
			}
		})
	}
}
