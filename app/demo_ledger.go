package app

import (
	"fmt"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/demo"
)

// SimulateLedgerChange is for the demo only: it plays the bookkeeper who, in
// the demo's simulated Xero, archives (on) or restores (off) a customer's
// contact ("archive-contact", name: the contact's name as in the ledger) or
// an account of the chart ("archive-account", name: its code). Xero then
// refuses that customer's (or that account's) next invoice as it does for
// real, so the demo shows a failed sync line, its notification and Retry.
// It never touches a real ledger: it is refused unless the demo runs.
func (d *Demo) SimulateLedgerChange(change, name string, on bool) error {
	name = strings.TrimSpace(name)
	var what string
	switch change {
	case demo.ArchiveContact:
		what = "the contact " + name
	case demo.ArchiveAccount:
		what = "the account " + name
	default:
		return apperr.New(apperr.Invalid, fmt.Sprintf("The demo cannot make the ledger change %q", change),
			`Choose "archive-contact" (a customer's contact) or "archive-account" (an account code).`)
	}
	if name == "" {
		return apperr.New(apperr.Invalid, "No contact or account was named", "Name the customer's contact as the ledger shows it, or the account code.")
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.sims == nil {
		return apperr.New(apperr.Conflict, "The demo is not running", "Click \"Try with demo data\" on the Dashboard first; this only changes the demo's simulated Xero.")
	}
	if err := d.sims.ChangeLedger(change, name, on); err != nil {
		return apperr.Wrap(err, apperr.NotFound, fmt.Sprintf("The demo's Xero could not change %s", what),
			"Name a customer whose invoice was sent already (Billbridge creates its contact then), or an account code of the chart such as 200.")
	}
	verb := "restored"
	if on {
		verb = "archived"
	}
	audit(d.deps, d.profileID(), "demo.ledger_change", fmt.Sprintf("Demo: the bookkeeper %s %s in the demo's Xero", verb, what))
	return nil
}

// profileID is the Xero demo profile's id, or 0 when there is none yet.
func (d *Demo) profileID() int64 {
	ps, err := d.deps.Store.Profiles(d.deps.Lifecycle.Context())
	if err != nil {
		return 0
	}
	for _, p := range ps {
		if p.IsDemo && p.Name == demo.ProfileName {
			return p.ID
		}
	}
	return 0
}
