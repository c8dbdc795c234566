package connect

import (
	"context"
	"fmt"
	"strconv"

	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/store"
)

// exactAdapterOptions are the profile's Exact choices for its division: the
// sales journal and rounding account (Mappings, above the tabs) and the payment conditions the
// payment terms are mapped to, by their days. Sales entries in the sales
// journal keep Autotask's numbers and need no invoicing module.
func exactAdapterOptions(ctx context.Context, deps Deps, p store.Profile) (exact.AdapterOptions, error) {
	opts := exact.AdapterOptions{Mode: exact.SalesEntries, Logger: deps.logger()}
	if deps.Store == nil {
		return opts, nil
	}
	o, err := deps.Store.ExactOptionsOf(ctx, p.ID, "", p.LedgerTenantID)
	if err != nil {
		return opts, fmt.Errorf("connect: exact options: %w", err)
	}
	opts.Journal, opts.RoundingAccount = o.SalesJournal, o.RoundingAccount
	rules, err := deps.Store.MappingRules(ctx, p.ID)
	if err != nil {
		return opts, fmt.Errorf("connect: exact payment conditions: %w", err)
	}
	for _, r := range rules {
		if r.Kind != store.MapTerm || r.Suggested || r.Organisation != "" || r.Target2 == "" {
			continue
		}
		if days, err := strconv.Atoi(r.Target); err == nil {
			if opts.PaymentConditions == nil {
				opts.PaymentConditions = map[int]string{}
			}
			opts.PaymentConditions[days] = r.Target2
		}
	}
	return opts, nil
}
