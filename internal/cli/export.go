package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/export"
	"github.com/billbridge/billbridge/internal/runner"
	"github.com/billbridge/billbridge/internal/store"
)

// runExport exports a profile's posted billing items to a file, recording
// an export batch as the app does:
//
//	billbridge export --profile NAME --format csv|xlsx|sage-xml|iif|sage50-csv|xero-csv|qbo-csv|sage50us-csv
//	    --from YYYY-MM-DD --to YYYY-MM-DD
//	    [--by item-date|invoice-date] [--only-invoiced] [--include-exported] -o FILE
func runExport(ctx context.Context, args []string, env *Env) error {
	fs := simFlags("export", env)
	profile := fs.String("profile", "", "profile name")
	format := fs.String("format", "csv", "csv, xlsx, sage-xml, iif, or a ledger import file: sage50-csv, xero-csv, qbo-csv, sage50us-csv")
	from := fs.String("from", "", "first day, YYYY-MM-DD")
	to := fs.String("to", "", "last day, YYYY-MM-DD")
	by := fs.String("by", string(export.ByItemDate), "which date the range applies to: item-date or invoice-date")
	onlyInvoiced := fs.Bool("only-invoiced", false, "leave out posted items not yet on an invoice")
	includeExported := fs.Bool("include-exported", false, "also export items already in an export batch")
	out := fs.String("o", "", "the file to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *profile == "" || *from == "" || *to == "" || *out == "" {
		return usageErr("export needs --profile, --from, --to and -o")
	}
	f, err := export.ParseFormat(*format)
	if err != nil {
		return usageErr("%s", apperr.Public(err).Message)
	}
	filter := export.Filter{By: export.DateBasis(*by), OnlyInvoiced: *onlyInvoiced, IncludeExported: *includeExported}
	if filter.From, err = time.Parse("2006-01-02", *from); err != nil {
		return usageErr("--from %q is not a date like 2024-05-01", *from)
	}
	if filter.To, err = time.Parse("2006-01-02", *to); err != nil {
		return usageErr("--to %q is not a date like 2024-05-31", *to)
	}
	if err := filter.Validate(); err != nil {
		return err
	}
	if env.DataDir == "" {
		dir, err := store.DefaultDir()
		if err != nil {
			return err
		}
		env.DataDir = dir
	}
	st, err := store.Open(ctx, env.DataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := profileNamed(ctx, st, *profile)
	if err != nil {
		return err
	}
	client, err := connect.Autotask(ctx, env.connectDeps(st), p)
	if err != nil {
		return err
	}
	req := export.Request{ProfileID: p.ID, Actor: "cli", Format: f, Filter: filter, Path: *out}
	if f.IsLedger() {
		m, notes, err := runner.LedgerMap(ctx, env.connectDeps(st), p, client, f)
		if err != nil {
			return err
		}
		req.Ledger = &m
		for _, n := range notes {
			fmt.Fprintln(env.Stdout, "Note:", n)
		}
	}
	svc := &export.Service{Store: st}
	res, err := svc.Export(ctx, req, export.AutotaskSource{Client: client})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Exported %d billing items to %s (batch %d, SHA-256 %s)\n", res.Batch.RowCount, res.Batch.FilePath, res.Batch.ID, res.Batch.SHA256)
	for _, c := range res.Totals.ByCurrency {
		fmt.Fprintf(env.Stdout, "  %s: %d items, extended price %s, tax %s, billed %s\n", c.Currency, c.Rows, c.ExtendedPrice, c.TotalTax, c.BilledAmount)
	}
	if res.Ledger != nil {
		printLedgerTotals(env, *res.Ledger)
	}
	for _, n := range res.Notes {
		fmt.Fprintln(env.Stdout, "Note:", n)
	}
	for _, pr := range res.LeftOut {
		fmt.Fprintf(env.Stdout, "Left out: %s — %s\n", pr.Message, pr.Fix)
	}
	for _, x := range res.ExtraFiles {
		fmt.Fprintf(env.Stdout, "Also wrote %s: import it first, so Sage has the new customer accounts\n", x)
	}
	return nil
}

// printLedgerTotals shows a ledger file's totals against Autotask's.
func printLedgerTotals(env *Env, t export.LedgerTotals) {
	fmt.Fprintf(env.Stdout, "The %s file holds %d documents in %d rows:\n", t.Format, t.Documents, t.Rows)
	for _, c := range t.ByCurrency {
		fmt.Fprintf(env.Stdout, "  %s: %d invoices, %d credits, net %s, tax %s, gross %s (Autotask: %s)\n",
			c.Currency, c.Invoices, c.Credits, c.Net, c.Tax, c.Gross, c.AutotaskGross)
	}
	for _, d := range t.Differences {
		fmt.Fprintln(env.Stdout, "  Differs:", d)
	}
	if n := t.DifferenceCount - len(t.Differences); n > 0 {
		fmt.Fprintf(env.Stdout, "  … and %d more documents differ\n", n)
	}
}

// profileNamed finds a profile by name, ignoring case as the store does.
func profileNamed(ctx context.Context, st *store.Store, name string) (store.Profile, error) {
	ps, err := st.Profiles(ctx)
	if err != nil {
		return store.Profile{}, err
	}
	for _, p := range ps {
		if strings.EqualFold(p.Name, strings.TrimSpace(name)) {
			return p, nil
		}
	}
	return store.Profile{}, apperr.New(apperr.NotFound, fmt.Sprintf("There is no profile named %q", name),
		"Check the name in Billbridge's Connections screen (names are not case-sensitive).")
}
