package runner

import (
	"context"
	"fmt"

	"github.com/billbridge/billbridge/internal/accounts"
	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/store"
)

// Accounts opens the accounts-both-ways runner of an Exact Online profile,
// the same way for the window and the command line. owner is the Autotask
// resource that owns companies created in Autotask (0: the API user's own).
// Its API calls are counted on the returned counter.
func Accounts(ctx context.Context, deps connect.Deps, p store.Profile, owner int64) (*accounts.Runner, *httpx.Counter, error) {
	if p.LedgerKind != store.LedgerExact {
		return nil, nil, apperr.New(apperr.Invalid, fmt.Sprintf("Profile %q does not use Exact Online; accounts both ways is for Exact", p.Name),
			"Run it with a profile connected to Exact Online.")
	}
	counter := httpx.NewCounter()
	deps.Counter = counter
	at, err := connect.Autotask(ctx, deps, p)
	if err != nil {
		return nil, nil, err
	}
	ex, err := connect.Exact(ctx, deps, p)
	if err != nil {
		return nil, nil, err
	}
	r := &accounts.Runner{Store: deps.Store, ProfileID: p.ID, Log: deps.Logger,
		Autotask: &accounts.Autotask{Client: at, Owner: owner}, Ledger: &accounts.Exact{Client: ex},
		Calls: func() int { return int(counter.Total()) }}
	return r, counter, nil
}
