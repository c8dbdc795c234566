package cli_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/cli"
	"github.com/billbridge/billbridge/internal/secrets"
)

// The Exact demo twice on one data folder: the first run books the month
// in the demo division with the chosen journal and payment conditions and
// pulls payment dates back; the second sends nothing.
func TestDemoExactTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("paced by Autotask and Exact's limits")
	}
	dir := t.TempDir()
	sec := secrets.NewMemory()
	sent := regexp.MustCompile(`(?m)^sync: \d+ ready, (\d+) sent, 0 failed`)
	var got []string
	for run := 1; run <= 2; run++ {
		var out, errOut syncBuffer
		code := cli.Run(context.Background(), []string{"demo", "--ledger", "exact", "--invoices", "5", "--paid", "3"}, cli.Env{Stdout: &out, Stderr: &errOut, DataDir: dir, Secrets: sec})
		if code != cli.ExitOK {
			t.Fatalf("run %d: exit %d\n%s\n%s", run, code, out.String(), errOut.String())
		}
		text := out.String()
		m := sent.FindStringSubmatch(text)
		if m == nil {
			t.Fatalf("run %d: no sync summary in\n%s", run, text)
		}
		got = append(got, m[1])
		for _, want := range []string{`Profile "Demo NL MSP → Exact (simulated)": Autotask connected, Exact division 3112840 Demo MSP B.V.`,
			"Exact: sales journal 70 Verkoopboek, rounding to 8090 Omzet overig; 2 of 4 payment terms on an Exact payment condition",
			"Payments: 3 invoices paid in Exact; 3 Autotask invoices marked paid"} {
			if !strings.Contains(text, want) {
				t.Errorf("run %d: no %q in\n%s", run, want, text)
			}
		}
		if strings.Contains(text, "Xero") {
			t.Errorf("run %d: --ledger exact ran the Xero demo too:\n%s", run, text)
		}
	}
	if got[0] == "0" || got[1] != "0" {
		t.Fatalf("sent per run = %v, want some then none", got)
	}
}

func TestDemoLedgerFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"demo", "--ledger", "sage"}, `--ledger "sage": use xero, exact or both`},
		{[]string{"demo", "--ledger", "exact", "--autotask-url", "http://127.0.0.1:1"}, "give both --autotask-url and --exact-url, or neither"},
		{[]string{"demo", "--exact-url", "http://127.0.0.1:1"}, "give both --autotask-url and --exact-url, or neither"},
		{[]string{"demo", "--autotask-url", "http://127.0.0.1:1", "--xero-url", "http://127.0.0.1:2"}, ""},
		{[]string{"demo", "--ledger", "both", "--autotask-url", "http://127.0.0.1:1", "--xero-url", "http://127.0.0.1:2"}, "give both --autotask-url and --exact-url, or neither"},
		{[]string{"demo", "--ledger", "exact", "--autotask-url", "http://127.0.0.1:1", "--xero-url", "http://127.0.0.1:2", "--exact-url", "http://127.0.0.1:3"}, "--xero-url goes with --ledger xero"},
	} {
		var out, errOut syncBuffer
		code := cli.Run(context.Background(), c.args, cli.Env{Stdout: &out, Stderr: &errOut, Secrets: secrets.NewMemory()})
		if c.want == "" {
			// Flags that agree get past the check (and stop at the missing data folder).
			if !strings.Contains(errOut.String(), "demo needs a data folder") {
				t.Errorf("%v: %d %s", c.args, code, errOut.String())
			}
			continue
		}
		if code != cli.ExitUsage || !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%v: exit %d, %q; want usage error %q", c.args, code, errOut.String(), c.want)
		}
	}
}
