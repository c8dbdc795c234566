package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/demo"
	"github.com/billbridge/billbridge/internal/httpx"
	"github.com/billbridge/billbridge/internal/ledger/exact"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

// demoExact is the month end on the Exact demo profile: sign in and choose
// the division, choose the sales journal and map payment terms to payment
// conditions (as a person does in Mappings), accept the suggestions,
// preview, sync, pay a few invoices in Exact and pull the payment dates
// back. Exact allows 60 calls a minute; the embedded simulator's minutes
// are time-scaled (demo.ExactTimeScale) and its month is small.
func demoExact(ctx context.Context, env *Env, st *store.Store, sims *demo.Sims, ep demo.ExactEndpoints, paid int) error {
	deps, atDeps := env.connectDeps(st), env.connectDeps(st)
	deps.Counter, atDeps.Counter = httpx.NewCounter(), httpx.NewCounter()
	p, err := demo.EnsureExactProfile(ctx, deps, ep)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Profile %q: Autotask connected, Exact division %s %s\n", p.Name, p.LedgerTenantID, p.LedgerTenantName)
	at, err := connect.Autotask(ctx, atDeps, p)
	if err != nil {
		return err
	}
	xc, err := connect.Exact(ctx, deps, p)
	if err != nil {
		return err
	}
	journal, rounding, err := demoChoices(ctx, st, p, xc)
	if err != nil {
		return err
	}
	terms, err := autotask.QueryAll[autotask.PaymentTerm](ctx, at, autotask.EntityPaymentTerms, autotask.Query{})
	if err != nil {
		return err
	}
	conds, err := xc.PaymentConditions(ctx)
	if err != nil {
		return err
	}
	onCondition, err := demo.MapExactTerms(ctx, st, p.ID, terms, conds)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Exact: sales journal %s %s, rounding to %s %s; %d of %d payment terms on an Exact payment condition (the others keep Autotask's due days)\n",
		strings.TrimSpace(journal.Code), journal.Description, strings.TrimSpace(rounding.Code), rounding.Description, onCondition, len(terms))

	// Opened after the choices above, so the adapter books with them.
	lg, err := connect.Ledger(ctx, deps, p)
	if err != nil {
		return err
	}
	eng, err := demoMonthEnd(ctx, env, st, p, at, lg)
	if err != nil {
		return err
	}

	if sims != nil {
		n, err := payInExact(ctx, sims, xc, paid)
		if err != nil {
			return err
		}
		back := syncer.Summary{}
		if err := eng.PaymentsBack(ctx, &back); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Payments: %d invoices paid in Exact; %d Autotask invoices marked paid with their payment date\n", n, back.Paid)
	}
	fmt.Fprintf(env.Stdout, "API calls: Autotask %d, Exact %d\n", atDeps.Counter.Total(), deps.Counter.Total())
	return nil
}

// demoChoices are the division's sales journal and rounding account the
// demo books with: those chosen in Mappings, else (chosen now, as a person
// would) the first unblocked sales journal and the last revenue account
// by code (the demo division's "Omzet overig").
func demoChoices(ctx context.Context, st *store.Store, p store.Profile, xc *exact.Client) (exact.Journal, exact.GLAccount, error) {
	o, err := st.ExactOptionsOf(ctx, p.ID, "", p.LedgerTenantID)
	if err != nil {
		return exact.Journal{}, exact.GLAccount{}, err
	}
	js, err := xc.SalesJournals(ctx)
	if err != nil {
		return exact.Journal{}, exact.GLAccount{}, err
	}
	gls, err := xc.RevenueGLAccounts(ctx)
	if err != nil {
		return exact.Journal{}, exact.GLAccount{}, err
	}
	js = slices.DeleteFunc(js, func(j exact.Journal) bool { return j.IsBlocked })
	gls = slices.DeleteFunc(gls, func(g exact.GLAccount) bool { return g.IsBlocked })
	if len(js) == 0 || len(gls) == 0 {
		return exact.Journal{}, exact.GLAccount{}, fmt.Errorf("cli: demo: Exact division %s has no sales journal or no revenue account", p.LedgerTenantID)
	}
	byCode := func(code string) string { return fmt.Sprintf("%20s", strings.TrimSpace(code)) }
	slices.SortFunc(js, func(a, b exact.Journal) int { return strings.Compare(byCode(a.Code), byCode(b.Code)) })
	slices.SortFunc(gls, func(a, b exact.GLAccount) int { return strings.Compare(byCode(b.Code), byCode(a.Code)) })
	j, g := js[0], gls[0]
	if i := slices.IndexFunc(js, func(j exact.Journal) bool { return strings.TrimSpace(j.Code) == o.SalesJournal }); i >= 0 {
		j = js[i]
	}
	if i := slices.IndexFunc(gls, func(g exact.GLAccount) bool { return strings.TrimSpace(g.Code) == o.RoundingAccount }); i >= 0 {
		g = gls[i]
	}
	o.SalesJournal, o.RoundingAccount = strings.TrimSpace(j.Code), strings.TrimSpace(g.Code)
	return j, g, st.SaveExactOptions(ctx, p.ID, "", o)
}

// payInExact plays the bookkeeper matching bank lines: it pays up to n open
// receivables in full in the simulated Exact, on their due dates.
// Billbridge itself only reads receivables; payments are the simulator's
// demo hook.
func payInExact(ctx context.Context, sims *demo.Sims, xc *exact.Client, n int) (int, error) {
	if n <= 0 {
		return 0, nil
	}
	rows, _, err := xc.SyncPaymentTerms(ctx, 1)
	if err != nil {
		return 0, err
	}
	done := 0
	for _, r := range rows {
		if done == n {
			break
		}
		if r.IsFullyPaid || r.AmountDC.Sign() <= 0 || r.InvoiceNumber == 0 {
			continue
		}
		if err := sims.Exact.MarkPaid(xc.Division(), r.InvoiceNumber, r.AmountDC, r.DueDate.Time()); err != nil {
			return done, err
		}
		done++
	}
	return done, nil
}
