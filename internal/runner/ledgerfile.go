package runner

import (
	"context"
	"fmt"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/export"
	"github.com/billbridge/billbridge/internal/mapping"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// LedgerMap builds the mappings of a ledger import file for profile p, the
// same way for the window and the command line: the profile's own rules
// (shared with the sync) when the file imports into the ledger the profile
// syncs with, and then the ledger's lists to name items, tax codes and
// customers as the import wants them; else the file's own rules. Notes say
// what could not be carried over.
func LedgerMap(ctx context.Context, deps connect.Deps, p store.Profile, at *autotask.Client, f export.Format) (export.LedgerMap, []string, error) {
	st, err := deps.Store.Settings(ctx)
	if err != nil {
		return export.LedgerMap{}, nil, err
	}
	org := export.MappingOrganisation(f, p.LedgerKind)
	connected := org == ""
	var src mapping.Sources
	if connected {
		lg, err := connect.Ledger(ctx, deps, p)
		if err != nil {
			return export.LedgerMap{}, nil, fmt.Errorf("runner: %s file: %w", f, err)
		}
		src, err = mapping.LoadSources(ctx, at, lg)
		if err != nil {
			return export.LedgerMap{}, nil, fmt.Errorf("runner: %s file: %w", f, err)
		}
	} else if src, err = mapping.LoadAutotask(ctx, at); err != nil {
		return export.LedgerMap{}, nil, fmt.Errorf("runner: %s file: %w", f, err)
	}
	rows, err := deps.Store.MappingRules(ctx, p.ID)
	if err != nil {
		return export.LedgerMap{}, nil, fmt.Errorf("runner: %s file: %w", f, err)
	}
	adjCap, err := money.Parse(st.AdjustmentCap)
	if err != nil {
		adjCap = money.Zero // a value Settings would refuse: no adjustment lines
	}
	m, notes := export.BuildLedgerMap(export.LedgerMapInput{Format: f, Rules: mapping.FromStore(rows, org), Source: src,
		Connected: connected, SalesTaxAccount: st.SalesTaxAccount, AdjustmentCap: adjCap})
	return m, notes, nil
}
