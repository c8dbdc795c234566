package secrets

import "slices"

// The names secrets are filed under. The set is closed: Set, Get and Delete
// refuse any other name.
const (
	AutotaskSecret          = "autotask.secret"           // the API user's secret
	AutotaskIntegrationCode = "autotask.integration-code" // the tracking identifier
	XeroClientSecret        = "xero.client-secret"
	XeroToken               = "xero.token" // OAuth token JSON, may exceed 2 KB
	QBOClientSecret         = "qbo.client-secret"
	QBOToken                = "qbo.token"
	ExactClientSecret       = "exact.client-secret"
	ExactToken              = "exact.token"
)

var names = []string{
	AutotaskSecret, AutotaskIntegrationCode,
	XeroClientSecret, XeroToken,
	QBOClientSecret, QBOToken,
	ExactClientSecret, ExactToken,
}

var labels = map[string]string{
	AutotaskSecret:          "Autotask API secret",
	AutotaskIntegrationCode: "Autotask integration code",
	XeroClientSecret:        "Xero client secret",
	XeroToken:               "Xero sign-in",
	QBOClientSecret:         "QuickBooks Online client secret",
	QBOToken:                "QuickBooks Online sign-in",
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
