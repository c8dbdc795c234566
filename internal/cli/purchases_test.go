package cli_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/cli"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/demo"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
)

// billbridge purchases on the demo profile: a dry run names what holds each
// bill back and sends nothing; once the items exist a run sends the bills
// (three for the order received in three shipments), and a second sends none.
func TestPurchasesCommand(t *testing.T) {
	ctx := context.Background()
	dir, sec := t.TempDir(), secrets.NewMemory()
	sims, err := demo.Start(dir, demo.Options{Invoices: 30})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sims.Close() })
	st := openStore(t, dir)
	p, err := demo.EnsureProfile(ctx, connect.Deps{Store: st, Secrets: sec, LockDir: dir}, sims.Endpoints())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SavePurchaseSettings(ctx, p.ID, store.PurchaseSettings{BillDate: store.BillDateReceived, InventoryAccount: "630",
		CostOfSalesAccount: "310", CreateVendors: true}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	run := func(args ...string) (int, string, string) {
		var out, errOut syncBuffer
		code := cli.Run(ctx, args, cli.Env{Stdout: &out, Stderr: &errOut, DataDir: dir, Secrets: sec})
		return code, out.String(), errOut.String()
	}
	window := []string{"purchases", "--profile", p.Name, "--from", "2024-05-01", "--to", "2024-05-31"}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"purchases", "--profile", p.Name}, "--from YYYY-MM-DD and --to YYYY-MM-DD are required"},
		{append(window[:5:5], "--to", "31/05/2024"), `--to "31/05/2024" is not a date`},
		{append(window[:5:5], "--to", "2024-04-30"), "is before --from"},
		{append(window, "--bill-date", "someday"), `not "someday"`},
	} {
		if code, _, errOut := run(tt.args...); code != cli.ExitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %q; want usage and %q", tt.args, code, errOut, tt.want)
		}
	}

	code, out, errOut := run(append(window, "--dry-run")...)
	if code != cli.ExitOK || !strings.Contains(out, "blocked") || !strings.Contains(out, "what to do: Map the product") ||
		!strings.Contains(out, "(dry run: nothing sent)") {
		t.Fatalf("dry run: exit %d\n%s\n%s", code, out, errOut)
	}

	// The items the fix names are created in Xero, as the bookkeeper would.
	var items []xero.Item
	for _, m := range regexp.MustCompile(`create a ledger item with the code "([^"]+)"`).FindAllStringSubmatch(out, -1) {
		items = append(items, xero.Item{Code: m[1], Name: m[1]})
	}
	if res, err := sims.Bookkeeper().CreateItems(ctx, dedupe(items), ""); err != nil || len(res.Failed) > 0 {
		t.Fatalf("items: %v %v", err, res.Failed)
	}

	code, out, errOut = run(append(window, "--bill-date", "po-date")...)
	sent := regexp.MustCompile(`(?m)^purchases: 0 ready, (\d+) sent, 0 failed, 0 blocked, 0 already in the ledger, \d+ suppliers created \(run \d+, \d+ API calls\)$`)
	m := sent.FindStringSubmatch(out)
	if code != cli.ExitOK || m == nil || m[1] == "0" || strings.Count(out, " PO-4403 ") != 3 {
		t.Fatalf("run: exit %d\n%s\n%s", code, out, errOut)
	}
	t.Logf("run:\n%s", out)
	if !strings.Contains(out, "EUR ") {
		t.Errorf("no euro bill:\n%s", out)
	}
	code, out, errOut = run(window...)
	if code != cli.ExitOK || !strings.Contains(out, "0 sent, 0 failed, 0 blocked, "+m[1]+" already in the ledger") {
		t.Fatalf("second run: exit %d\n%s\n%s", code, out, errOut)
	}

	st = openStore(t, dir)
	defer st.Close()
	runs, err := st.Runs(ctx, store.RunFilter{Kinds: []string{store.RunKindPurchases}})
	if err != nil || len(runs) != 2 || !strings.Contains(runs[1].Options, `"billDate":"po-date"`) {
		t.Fatalf("runs = %+v, %v", runs, err)
	}
}

func dedupe(items []xero.Item) []xero.Item {
	seen := map[string]bool{}
	var out []xero.Item
	for _, it := range items {
		if !seen[it.Code] {
			seen[it.Code] = true
			out = append(out, it)
		}
	}
	return out
}
