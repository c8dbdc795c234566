package demo

import "fmt"

// Changes the demo's bookkeeper can make in its simulated Xero, each of
// which makes Xero refuse an invoice the way it does for real users.
const (
	ArchiveContact = "archive-contact" // archive a customer's contact, by name
	ArchiveAccount = "archive-account" // archive an account of the chart, by code
)

// ChangeLedger archives (on) or restores (off) the Xero contact called name
// or the account with code name, in the Xero demo's organisation.
func (s *Sims) ChangeLedger(change, name string, on bool) error {
	status := "ACTIVE"
	if on {
		status = "ARCHIVED"
	}
	switch change {
	case ArchiveContact:
		return s.Xero.SetContactStatus(Org.TenantID, name, status)
	case ArchiveAccount:
		return s.Xero.SetAccountStatus(Org.TenantID, name, status)
	}
	return fmt.Errorf("demo: no ledger change %q", change)
}
