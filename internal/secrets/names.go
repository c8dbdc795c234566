package secrets

import "slices"

// The names secrets are filed under. The set is closed: Set, Get and Delete
// refuse any other name.
const (
	AutotaskSecret          = "autotask.secret"           // the API user's secret
	AutotaskIntegrationCode = "autotask.integration-code" // the tracking identifier
	XeroClientID            = "xero.client-id"            // the user's own Xero app; not secret, but kept beside its secret
	XeroClientSecret        = "xero.client-secret"
	XeroToken               = "xero.token" // OAuth token JSON, may exceed 2 KB
	QBOClientID             = "qbo.client-id"
	QBOClientSecret         = "qbo.client-secret"
	QBOToken                = "qbo.token"
	ExactClientID           = "exact.client-id"
	ExactClientSecret       = "exact.client-secret"
	ExactToken              = "exact.token"
)

var names = []string{
	AutotaskSecret, AutotaskIntegrationCode,
	XeroClientID, XeroClientSecret, XeroToken,
	QBOClientID, QBOClientSecret, QBOToken,
	ExactClientID, ExactClientSecret, ExactToken,
}

var labels = map[string]string{
	AutotaskSecret:          "Autotask API secret",
	AutotaskIntegrationCode: "Autotask integration code",
	XeroClientID:            "Xero client id",
	XeroClientSecret:        "Xero client secret",
	XeroToken:               "Xero sign-in",
	QBOClientID:             "QuickBooks Online client id",
	QBOClientSecret:         "QuickBooks Online client secret",
	QBOToken:                "QuickBooks Online sign-in",
	ExactClientID:           "Exact Online client id",
	ExactClientSecret:       "Exact Online client secret",
	ExactToken:              "Exact Online sign-in",
}

// Names returns every name a secret may be filed under.
func Names() []string { return slices.Clone(names) }

// Known reports whether name is one of Names().
func Known(name string) bool { return slices.Contains(names, name) }

// Label returns a name as people read it, e.g. "Xero sign-in".
func Label(name string) string {
	if l, ok := labels[name]; ok {
		return l
	}
	return name
}
