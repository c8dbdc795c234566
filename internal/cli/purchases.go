package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/procure"
	"github.com/billbridge/billbridge/internal/runner"
	"github.com/billbridge/billbridge/internal/store"
)

// runPurchases is `billbridge purchases --profile NAME --from YYYY-MM-DD --to YYYY-MM-DD [--dry-run]
// [--bill-date po-date|vendor-invoice-date|received-date|ship-date] [--kind bills|orders|expenses|inventory]`: the goods received in the window
// become supplier bills in the ledger, exactly once. --bill-date applies to this run only; the
// rest of the settings are the profile's (Purchases in the app).
func runPurchases(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("purchases", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	profile := fs.String("profile", "", "profile `name`")
	from := fs.String("from", "", "first receive date, `YYYY-MM-DD`")
	to := fs.String("to", "", "last receive date, `YYYY-MM-DD`")
	dry := fs.Bool("dry-run", false, "preview only: send nothing")
	billDate := fs.String("bill-date", "", "the date bills carry: po-date, vendor-invoice-date, received-date or ship-date (default: the profile's setting)")
	kind := fs.String("kind", runner.PurchaseKindBills, "what to send: bills (from goods receipts), orders, expenses or inventory")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return usageErr("purchases: %v", err)
	}
	if *profile == "" || *from == "" || *to == "" || fs.NArg() > 0 {
		return usageErr("purchases: --profile NAME, --from YYYY-MM-DD and --to YYYY-MM-DD are required")
	}
	w, err := purchaseWindow(*from, *to)
	if err != nil {
		return err
	}
	switch *billDate {
	case "", store.BillDatePO, store.BillDateVendorInvoice, store.BillDateReceived, store.BillDateShip:
	default:
		return usageErr("purchases: --bill-date is po-date, vendor-invoice-date, received-date or ship-date, not %q", *billDate)
	}
	if err := runner.CheckPurchaseKind(*kind); err != nil {
		return usageErr("purchases: --kind is bills, orders, expenses or inventory, not %q", *kind)
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
	if *kind != runner.PurchaseKindBills {
		return runPurchaseKind(ctx, env, st, p, *kind, w, *dry)
	}
	eng, counter, err := runner.Purchases(ctx, env.connectDeps(st), p, w)
	if err != nil {
		return err
	}
	if *billDate != "" {
		eng.Settings.BillDate = procure.BillDate(*billDate)
	}
	sum, bills, run, err := runner.RunPurchases(ctx, st, eng, counter, *dry)
	printBills(env.Stdout, bills)
	if err != nil {
		return err
	}
	if *dry {
		fmt.Fprintf(env.Stdout, "%s (dry run: nothing sent)\n", sum)
	} else {
		fmt.Fprintf(env.Stdout, "%s (run %d, %d API calls)\n", sum, run.ID, counter.Total())
	}
	if sum.Failed > 0 {
		return apperr.New(apperr.Invalid, fmt.Sprintf("%d bills were refused by the ledger", sum.Failed),
			"Each refused bill is listed above with the ledger's reason; fix it and run purchases again.")
	}
	return nil
}

// runPurchaseKind is `billbridge purchases --kind orders|expenses|inventory`: the same window,
// preview and run log as the bills.
func runPurchaseKind(ctx context.Context, env *Env, st *store.Store, p store.Profile, kind string, w procure.Window, dry bool) error {
	k, err := runner.OpenKind(ctx, env.connectDeps(st), p, kind, w)
	if err != nil {
		return err
	}
	res, run, err := runner.RunKind(ctx, st, k, dry)
	printBills(env.Stdout, res.Docs)
	if err != nil {
		return err
	}
	if dry {
		fmt.Fprintf(env.Stdout, "%s (dry run: nothing sent)\n", res.Summary)
	} else {
		fmt.Fprintf(env.Stdout, "%s (run %d, %d API calls)\n", res.Summary, run.ID, k.Calls.Total())
	}
	if res.Failed > 0 {
		return apperr.New(apperr.Invalid, fmt.Sprintf("%d %s documents were refused by the ledger", res.Failed, kind),
			"Each refused document is listed above with the ledger's reason; fix it and run purchases again.")
	}
	return nil
}

func purchaseWindow(from, to string) (procure.Window, error) {
	f, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return procure.Window{}, usageErr("purchases: --from %q is not a date like 2024-05-01", from)
	}
	t, err := time.Parse(time.DateOnly, to)
	if err != nil {
		return procure.Window{}, usageErr("purchases: --to %q is not a date like 2024-05-31", to)
	}
	if t.Before(f) {
		return procure.Window{}, usageErr("purchases: --to %s is before --from %s", to, from)
	}
	return procure.Window{From: f, Thru: t}, nil
}

// printBills writes one line per bill and, under a held-back one, each
// problem with what to do.
func printBills(w io.Writer, bills []runner.PurchaseBill) {
	for _, b := range bills {
		amount := ""
		if len(b.Lines) > 0 {
			amount = b.Currency + " " + runner.AmountText(b.Amount, b.Currency)
		}
		fmt.Fprintf(w, "%-12s %-8s %-10s %-32s %14s  %s\n", b.Reference, b.Status, b.PurchaseOrder, b.Vendor, amount, b.Number)
		for _, pr := range b.Problems {
			fmt.Fprintf(w, "%14s problem: %s\n%14s what to do: %s\n", "", pr.Message, "", pr.Fix)
		}
		if b.Message != "" {
			fmt.Fprintf(w, "%14s %s\n", "", b.Message)
		}
	}
}
