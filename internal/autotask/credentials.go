package autotask

import (
	"log/slog"
	"strconv"
)

// Credentials are what Autotask needs on every call. The caller reads them
// from the keychain (internal/secrets) and passes them in; this package never
// stores them anywhere but in the Client's memory.
type Credentials struct {
	UserName        string // the API user's e-mail address
	Secret          string
	IntegrationCode string // the API tracking identifier ("ApiIntegrationCode")
	// ImpersonationResourceID, when non-zero, makes Autotask attribute
	// writes to that resource instead of the API user.
	ImpersonationResourceID int64
}

// LogValue redacts the secret and the integration code, so a Credentials
// value can be logged by mistake without leaking them.
func (c Credentials) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("userName", c.UserName),
		slog.String("secret", redacted(c.Secret)),
		slog.String("integrationCode", redacted(c.IntegrationCode)),
	}
	if c.ImpersonationResourceID != 0 {
		attrs = append(attrs, slog.String("impersonationResourceID", strconv.FormatInt(c.ImpersonationResourceID, 10)))
	}
	return slog.GroupValue(attrs...)
}

// String keeps fmt's %v and %+v from printing the secret too.
func (c Credentials) String() string {
	return "autotask.Credentials{UserName:" + c.UserName + " Secret:" + redacted(c.Secret) +
		" IntegrationCode:" + redacted(c.IntegrationCode) + "}"
}

// GoString covers %#v.
func (c Credentials) GoString() string { return c.String() }

func redacted(s string) string {
	if s == "" {
		return "(empty)"
	}
	return "[REDACTED]"
}
