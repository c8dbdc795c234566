package secrets

import "log/slog"

const redacted = "[redacted]"

// Secret is a secret value that redacts itself wherever it is printed,
// logged or marshalled, so a struct carrying one can be logged safely.
// Reveal (or a conversion to string) is the one way to read it, and is easy
// to find in review.
type Secret string

// Reveal returns the secret itself.
func (s Secret) Reveal() string { return string(s) }

// String implements fmt.Stringer (%v, %s, %q, %x), redacted.
func (s Secret) String() string { return redacted }

// GoString implements fmt.GoStringer (%#v), redacted.
func (s Secret) GoString() string { return `secrets.Secret("` + redacted + `")` }

// LogValue implements slog.LogValuer, redacted.
func (s Secret) LogValue() slog.Value { return slog.StringValue(redacted) }

// MarshalText implements encoding.TextMarshaler (and so JSON), redacted:
// secrets never cross to the UI; DTOs say "connected" instead.
func (s Secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }
