package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/cli"
	"github.com/billbridge/billbridge/internal/secrets"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/store"
)

// syncBuffer is a bytes.Buffer that a running command and a test can share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut syncBuffer
	code = cli.Run(context.Background(), args, cli.Env{Stdout: &out, Stderr: &errOut, DataDir: t.TempDir()})
	return code, out.String(), errOut.String()
}

func TestRunExitCodes(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{[]string{"version"}, cli.ExitOK, "Billbridge ", ""},
		{[]string{"help"}, cli.ExitOK, "Commands:", ""},
		{nil, cli.ExitOK, "Commands:", ""},
		{[]string{"frobnicate"}, cli.ExitUsage, "", `unknown command "frobnicate"`},
		{[]string{"version", "extra"}, cli.ExitUsage, "", "version takes no arguments"},
		{[]string{"sim"}, cli.ExitUsage, "", "sim needs a service"},
		{[]string{"sim", "quickbooks-desktop"}, cli.ExitUsage, "", "unknown simulated service"},
		{[]string{"sim", "autotask", "generate"}, cli.ExitUsage, "", "needs -o FILE"},
		{[]string{"sim", "xero", "--time-scale", "0"}, cli.ExitUsage, "", "--time-scale must be above 0"},
		{[]string{"sim", "xero", "extra"}, cli.ExitUsage, "", `unexpected argument "extra"`},
		{[]string{"sim", "autotask", "generate", "--month", "May", "-o", "x.json"}, cli.ExitUsage, "", `--month "May" is not YYYY-MM`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := run(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if !strings.Contains(out, tt.inStdout) || !strings.Contains(errOut, tt.inStderr) {
				t.Fatalf("stdout %q, stderr %q; want %q and %q", out, errOut, tt.inStdout, tt.inStderr)
			}
		})
	}
}

func TestSimAutotaskGenerateIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	for _, f := range []string{a, b} {
		if code, _, errOut := run(t, "sim", "autotask", "generate", "--seed", "42", "--invoices", "20", "-o", f); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	}
	ba, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if len(ba) == 0 || !bytes.Equal(ba, bb) {
		t.Fatalf("same seed gave different files (%d and %d bytes)", len(ba), len(bb))
	}
	d, err := autotasksim.LoadDataset(a)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(d["Invoices"]); got != 20 {
		t.Fatalf("%d invoices, want 20", got)
	}
}

// The standalone simulator keeps what a client wrote across a restart.
func TestSimAutotaskSurvivesRestart(t *testing.T) {
	data := filepath.Join(t.TempDir(), "at.json")
	if code, _, errOut := run(t, "sim", "autotask", "generate", "--seed", "3", "--invoices", "5", "-o", data); code != 0 {
		t.Fatal(errOut)
	}
	d, err := autotasksim.LoadDataset(data)
	if err != nil {
		t.Fatal(err)
	}
	invoiceID := toInt64(t, d["Invoices"][0]["id"])

	serve := func(fn func(c *autotask.Client)) {
		ctx, cancel := context.WithCancel(context.Background())
		var out, errOut syncBuffer
		done := make(chan int)
		go func() {
			done <- cli.Run(ctx, []string{"sim", "autotask", "--listen", "127.0.0.1:0", "--data", data}, cli.Env{Stdout: &out, Stderr: &errOut})
		}()
		zone := waitFor(t, &out, regexp.MustCompile(`zone lookup URL:\s+(\S+)`))
		c, err := autotask.Connect(context.Background(), autotask.Config{ZoneLookupURL: zone}, autotask.Credentials{
			UserName: autotasksim.DemoCredential.UserName, Secret: autotasksim.DemoCredential.Secret, IntegrationCode: autotasksim.DemoCredential.IntegrationCode})
		if err != nil {
			t.Fatal(err)
		}
		fn(c)
		cancel()
		if code := <-done; code != cli.ExitOK {
			t.Fatalf("sim exit %d: %s", code, errOut.String())
		}
	}
	serve(func(c *autotask.Client) {
		if err := c.SetInvoiceNumber(context.Background(), invoiceID, "BB-RESTART-1"); err != nil {
			t.Fatal(err)
		}
	})
	serve(func(c *autotask.Client) {
		inv, err := autotask.Get[autotask.Invoice](context.Background(), c, autotask.EntityInvoices, invoiceID)
		if err != nil {
			t.Fatal(err)
		}
		if inv.InvoiceNumber != "BB-RESTART-1" {
			t.Fatalf("after restart invoiceNumber = %q", inv.InvoiceNumber)
		}
	})
}

func waitFor(t *testing.T, out *syncBuffer, re *regexp.Regexp) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %v in output %q", re, out.String())
	return ""
}

func toInt64(t *testing.T, v any) int64 {
	t.Helper()
	switch n := v.(type) {
	case float64:
		return int64(n)
	case int64:
		return n
	case int:
		return int64(n)
	case interface{ Int64() (int64, error) }:
		i, err := n.Int64()
		if err != nil {
			t.Fatal(err)
		}
		return i
	}
	t.Fatalf("id %v is %T", v, v)
	return 0
}

// The whole month end, twice: the second run sends nothing and exports
// nothing new.
func TestDemoMonthEndTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("paced by Xero's 60 calls a minute")
	}
	dir := t.TempDir()
	sec := secrets.NewMemory()
	sent := regexp.MustCompile(`(?m)^sync: \d+ ready, (\d+) sent, 0 failed`)
	var got []string
	for run := 1; run <= 2; run++ {
		var out, errOut syncBuffer
		code := cli.Run(context.Background(), []string{"demo", "--invoices", "25", "--paid", "3"}, cli.Env{Stdout: &out, Stderr: &errOut, DataDir: dir, Secrets: sec})
		if code != cli.ExitOK {
			t.Fatalf("run %d: exit %d\n%s\n%s", run, code, out.String(), errOut.String())
		}
		m := sent.FindStringSubmatch(out.String())
		if m == nil {
			t.Fatalf("run %d: no sync summary in\n%s", run, out.String())
		}
		got = append(got, m[1])
		if run == 1 && !strings.Contains(out.String(), "Payments: 3 invoices paid in Xero; 3 Autotask invoices marked paid") {
			t.Errorf("run 1: payments not pulled back:\n%s", out.String())
		}
		if run == 1 && !regexp.MustCompile(`Xero import file: [1-9]\d* documents`).MatchString(out.String()) {
			t.Errorf("run 1: no Xero import file:\n%s", out.String())
		}
		if run == 2 && !strings.Contains(out.String(), "Export: nothing new to export") {
			t.Errorf("run 2 exported again:\n%s", out.String())
		}
	}
	if got[0] == "0" || got[1] != "0" {
		t.Fatalf("sent per run = %v, want some then none", got)
	}
}

// A profile set up headless: create, Autotask credentials on stdin, test.
func TestProfileCommands(t *testing.T) {
	sim, err := autotasksim.New(autotasksim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	dir, sec := t.TempDir(), secrets.NewMemory()
	run := func(stdin string, args ...string) (int, string, string) {
		var out, errOut syncBuffer
		code := cli.Run(context.Background(), args, cli.Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, DataDir: dir, Secrets: sec})
		return code, out.String(), errOut.String()
	}
	steps := []struct {
		stdin    string
		args     []string
		code     int
		contains string
	}{
		{"", []string{"profile", "list"}, cli.ExitOK, "No profiles"},
		{"", []string{"profile", "create", "Acme IT"}, cli.ExitOK, `Created profile "Acme IT"`},
		{"", []string{"profile", "create", "acme it"}, cli.ExitFailure, "already exists"},
		{"only-one-line\n", []string{"profile", "autotask", "--profile", "Acme IT", "--user", autotasksim.DemoCredential.UserName}, cli.ExitFailure, "were not on standard input"},
		{autotasksim.DemoCredential.Secret + "\n" + autotasksim.DemoCredential.IntegrationCode + "\n",
			[]string{"profile", "autotask", "--profile", "Acme IT", "--user", autotasksim.DemoCredential.UserName}, cli.ExitOK, "are in the keychain"},
		{"", []string{"profile", "list"}, cli.ExitOK, "Autotask " + autotasksim.DemoCredential.UserName},
		{"", []string{"profile", "test", "--profile", "Nobody"}, cli.ExitFailure, `no profile named "Nobody"`},
		{"", []string{"profile", "bogus"}, cli.ExitUsage, "unknown profile subcommand"},
	}
	for _, s := range steps {
		code, out, errOut := run(s.stdin, s.args...)
		if code != s.code || !strings.Contains(out+errOut, s.contains) {
			t.Fatalf("%v: exit %d (want %d)\nstdout %q\nstderr %q\nwant %q", s.args, code, s.code, out, errOut, s.contains)
		}
	}
	// The test reaches the simulator once the profile knows where it is.
	st := openStore(t, dir)
	ps, _ := st.Profiles(context.Background())
	lookup := sim.ZoneLookupURL()
	if _, err := st.UpdateProfile(context.Background(), ps[0].ID, store.ProfileUpdate{AutotaskLookupURL: &lookup}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if code, out, errOut := run("", "profile", "test", "--profile", "Acme IT"); code != cli.ExitOK || !strings.Contains(out, "Simulated Zone") {
		t.Fatalf("profile test: exit %d\n%s\n%s", code, out, errOut)
	}
	if code, out, _ := run("", "profile", "delete", "Acme IT"); code != cli.ExitOK || !strings.Contains(out, "Deleted") {
		t.Fatalf("profile delete: exit %d %s", code, out)
	}
	if _, err := sec.Get(ps[0].ID, secrets.AutotaskSecret); err == nil {
		t.Fatal("the secret outlived its profile")
	}
}

func openStore(t *testing.T, dir string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return st
}
