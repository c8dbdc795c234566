package synctest_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/demo"
	"github.com/billbridge/billbridge/internal/ledger"
	"github.com/billbridge/billbridge/internal/ledger/xero"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/secrets"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/syncer"
)

const (
	killsEV    = "BILLBRIDGE_KILLS"     // more kills for a longer soak
	invoices   = 100                    // two Xero batches of documents
	killSeedEV = "BILLBRIDGE_KILL_SEED" // repeat a failing run with its seed
)

// world is the standalone simulators and the data folder the sync runs in.
type world struct {
	bin, dataDir, atFile, xeroFile string
	deps                           connect.Deps
	profile                        store.Profile
}

// TestKillSyncNeverTwiceNeverLost kills `billbridge sync` at random points
// many times during a month against standalone simulators, then lets it
// finish: Xero must hold every invoice the preview planned exactly once,
// no journal row may be left mid-flight, and every invoice must be marked
// in Autotask.
func TestKillSyncNeverTwiceNeverLost(t *testing.T) {
	needKeychain(t)
	ctx := context.Background()
	w := setUp(ctx, t)
	ready := plannedInvoices(ctx, t, w)
	if len(ready) < invoices/2 {
		t.Fatalf("only %d of %d invoices are ready; the mappings did not take", len(ready), invoices)
	}

	seed := time.Now().UnixNano()
	if v := os.Getenv(killSeedEV); v != "" {
		seed, _ = strconv.ParseInt(v, 10, 64)
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 1))
	t.Logf("kill seed %d (%s=%d repeats it); %d invoices ready", seed, killSeedEV, seed, len(ready))

	kills := 10 // each restart re-reads the month at Xero's pace, ~6 s
	if v, err := strconv.Atoi(os.Getenv(killsEV)); err == nil && v > 0 {
		kills = v
	}
	started := time.Now()
	killed := 0
	for i := 0; killed < kills && i < kills*3; i++ {
		at, ok := pickKillPoint(rng, countStates(ctx, t, w), len(ready))
		if !ok {
			t.Logf("nothing left to interrupt after %d kills", killed)
			break
		}
		finished, why, out := runAndKill(ctx, t, w, at)
		if finished {
			t.Logf("run %d finished before its kill (%s): %s", i+1, at, lastLine(out))
			break
		}
		killed++
		t.Logf("kill %d %s: journal %s", killed, why, journalStates(ctx, t, w))
	}
	killTime := time.Since(started)

	out, err := runSync(w, "--thru", "2024-05-31", "--max-age-days", "60")
	if err != nil {
		t.Fatalf("the run after %d kills failed: %v\n%s", killed, err, out)
	}
	t.Logf("after %d kills (%v) the run completed: %s", killed, killTime.Round(time.Millisecond), lastLine(out))
	if killed < kills/2 {
		t.Errorf("only %d kills landed during a run", killed)
	}

	again, err := runSync(w, "--thru", "2024-05-31", "--max-age-days", "60")
	if err != nil || !strings.Contains(again, " 0 sent") || !strings.Contains(again, " 0 written back") {
		t.Errorf("a second run sent again: %v\n%s", err, again)
	}
	assertExactlyOnce(ctx, t, w, ready)
}

// setUp starts the simulators as processes and connects the demo profile to
// them in the data folder, with the mapping suggestions accepted.
func setUp(ctx context.Context, t *testing.T) *world {
	t.Helper()
	w := &world{bin: buildBinary(t), dataDir: t.TempDir()}
	simDir := t.TempDir()
	w.atFile = filepath.Join(simDir, "autotask.json")
	if out, err := exec.Command(w.bin, "sim", "autotask", "generate", "--seed", "11", "--invoices", strconv.Itoa(invoices),
		"--companies", "20", "-o", w.atFile).CombinedOutput(); err != nil {
		t.Fatalf("generate: %v\n%s", err, out)
	}
	w.xeroFile = filepath.Join(simDir, "xero.json")
	seedXero(t, w.xeroFile)
	atURL := startSim(t, w.bin, "autotask", w.atFile, "zone lookup URL:")
	// A faster clock lets the restarts' bursts fit in Xero's minute limit.
	xURL := startSim(t, w.bin, "xero", w.xeroFile, "Xero simulator on", "--time-scale", "4")

	st, err := store.Open(ctx, w.dataDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	// The same keychain entries the child processes read (global.go).
	w.deps = connect.Deps{Store: st, Secrets: secrets.NewKeyring("Billbridge"), LockDir: w.dataDir}
	p, err := demo.EnsureProfile(ctx, w.deps, demo.Endpoints{AutotaskLookupURL: atURL, XeroURL: xURL, XeroTenants: []string{demo.Org.TenantID}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.deps.Secrets.DeleteProfile(p.ID) })
	w.profile = p
	acceptAll(ctx, t, w.deps, p)
	return w
}

// plannedInvoices previews the month in-process with the CLI's options and
// returns the invoices it would send.
func plannedInvoices(ctx context.Context, t *testing.T, w *world) map[int64]bool {
	t.Helper()
	at, err := connect.Autotask(ctx, w.deps, w.profile)
	if err != nil {
		t.Fatal(err)
	}
	lg, err := connect.Ledger(ctx, w.deps, w.profile)
	if err != nil {
		t.Fatal(err)
	}
	eng := &syncer.Engine{Store: w.deps.Store, Autotask: at, Ledger: lg, ProfileID: w.profile.ID}
	sum, err := eng.Preview(ctx, syncer.Options{Window: syncer.Window{Thru: time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC), MaxAgeDays: 60},
		CreateItems: true, AdjustmentCap: money.MustParse("0.05"), Status: ledger.StatusApproved})
	if err != nil {
		t.Fatal(err)
	}
	ready := map[int64]bool{}
	for _, p := range sum.Plan.Invoices {
		if !p.Blocked() && p.Action == syncer.ActionSend {
			ready[p.InvoiceID] = true
		}
	}
	return ready
}

func (w *world) syncCmd(args ...string) *exec.Cmd {
	all := append([]string{"--data-dir", w.dataDir, "--keyring", "system", "sync", "--profile", w.profile.Name}, args...)
	return exec.Command(w.bin, all...)
}

// killPoint is when a run is killed: after a random delay (start-up,
// reading, customers), as soon as documents are journalled 'sending' (the
// create call in flight or just answered), or after some write-backs.
type killPoint struct {
	delay       time.Duration // kill after this long, or…
	onSending   bool          // …once a row is 'sending', plus delay
	onLedger    bool          // …once Xero stored something while rows are 'sending', plus delay
	writtenBack int           // …once this many more rows are written back
}

func (k killPoint) String() string {
	switch {
	case k.onLedger:
		return fmt.Sprintf("%v after Xero stored the documents sent (the answer lost)", k.delay)
	case k.onSending:
		return fmt.Sprintf("%v after a row went 'sending'", k.delay)
	case k.writtenBack > 0:
		return fmt.Sprintf("after %d more write-backs", k.writtenBack)
	}
	return fmt.Sprintf("after %v", k.delay)
}

// pickKillPoint chooses a kill point among those the remaining work can
// still reach: start-up and sending while documents are unsent, write-back
// while invoices are unmarked.
func pickKillPoint(rng *rand.Rand, states map[string]int, ready int) (killPoint, bool) {
	// Rows left 'sending' may well be in Xero already: the next run may only resolve them.
	unsent := ready - states[store.JournalSent] - states[store.JournalWrittenBack] - states[store.JournalSending]
	unmarked := ready - states[store.JournalWrittenBack]
	switch {
	case unsent > 0:
		switch rng.IntN(3) {
		case 0:
			return killPoint{delay: time.Duration(200+rng.IntN(2500)) * time.Millisecond}, true
		case 1:
			return killPoint{onSending: true, delay: time.Duration(rng.IntN(1500)) * time.Millisecond}, true
		}
		return killPoint{onSending: true, onLedger: true, delay: time.Duration(rng.IntN(30)) * time.Millisecond}, true
	case unmarked > 1:
		return killPoint{writtenBack: 1 + rng.IntN(min(unmarked-1, 12))}, true
	}
	return killPoint{}, false
}

// runAndKill starts the sync and SIGKILLs it at k; finished says it ended
// by itself first.
func runAndKill(ctx context.Context, t *testing.T, w *world, k killPoint) (finished bool, why, out string) {
	t.Helper()
	var buf bytes.Buffer
	cmd := w.syncCmd("--thru", "2024-05-31", "--max-age-days", "60")
	cmd.Stdout, cmd.Stderr = &buf, &buf
	base := countStates(ctx, t, w)
	// Rows a killed run left 'sending' are resolved first; only rows this
	// run journals afresh arm the kill.
	cleared := base[store.JournalSending] == 0
	ledgerMark := ""
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var deadline <-chan time.Time // nil blocks until a milestone sets it
	if !k.onSending && k.writtenBack == 0 {
		deadline = time.After(k.delay)
	}
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for why == "" {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("the sync failed by itself: %v\n%s", err, buf.String())
			}
			return true, "", buf.String()
		case <-deadline:
			why = k.String()
		case <-tick.C:
			n := countStates(ctx, t, w)
			cleared = cleared || n[store.JournalSending] == 0
			sending := cleared && n[store.JournalSending] > 0
			switch {
			case !k.onSending || deadline != nil || !sending:
			case !k.onLedger:
				deadline = time.After(k.delay)
			case ledgerMark == "":
				ledgerMark = fileMark(t, w.xeroFile)
			case fileMark(t, w.xeroFile) != ledgerMark:
				deadline = time.After(k.delay)
			}
			if k.writtenBack > 0 && n[store.JournalWrittenBack]-base[store.JournalWrittenBack] >= k.writtenBack {
				why = k.String()
			}
		}
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no deferred work, no clean-up
		t.Fatal(err)
	}
	<-done
	return false, fmt.Sprintf("%s (at %v)", why, time.Since(start).Round(time.Millisecond)), buf.String()
}

func runSync(w *world, args ...string) (string, error) {
	out, err := w.syncCmd(args...).CombinedOutput()
	return string(out), err
}

func lastLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}

func countStates(ctx context.Context, t *testing.T, w *world) map[string]int {
	t.Helper()
	rows, err := w.deps.Store.Journal(ctx, w.profile.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, r := range rows {
		n[r.State]++
	}
	return n
}

// fileMark changes when the simulator rewrites its state file.
func fileMark(t *testing.T, path string) string {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(fi.ModTime().UnixNano(), fi.Size())
}

func journalStates(ctx context.Context, t *testing.T, w *world) string {
	return fmt.Sprint(countStates(ctx, t, w))
}

// assertExactlyOnce checks the ledger, the journal and Autotask.
func assertExactlyOnce(ctx context.Context, t *testing.T, w *world, ready map[int64]bool) {
	t.Helper()
	xc, err := connect.Xero(ctx, w.deps, w.profile)
	if err != nil {
		t.Fatal(err)
	}
	inXero := map[string]int{}
	invs, err := xc.Invoices(ctx, xero.InvoiceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, inv := range invs {
		if inv.Status != xero.StatusDeleted && inv.Status != xero.StatusVoided {
			inXero[ourRef(inv.Reference)]++
		}
	}
	notes, err := xc.CreditNotes(ctx, xero.CreditNoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range notes {
		if n.Status != xero.StatusDeleted && n.Status != xero.StatusVoided {
			inXero[ourRef(n.Reference)]++
		}
	}
	for id := range ready {
		if n := inXero[syncer.OurRef(id)]; n != 1 {
			t.Errorf("Autotask invoice %d is in Xero %d times, want exactly once", id, n)
		}
	}
	for ref, n := range inXero {
		id, _ := strconv.ParseInt(strings.TrimPrefix(ref, "AT-"), 10, 64)
		if !ready[id] {
			t.Errorf("Xero holds %s (%d times), which the preview did not plan", ref, n)
		}
	}
	rows, err := w.deps.Store.Journal(ctx, w.profile.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.State != store.JournalWrittenBack {
			t.Errorf("journal: invoice %d is left %q", r.AutotaskInvoiceID, r.State)
		}
	}
	if len(rows) != len(ready) {
		t.Errorf("journal has %d rows, %d invoices were planned", len(rows), len(ready))
	}
	data, err := autotasksim.LoadDataset(w.atFile)
	if err != nil {
		t.Fatal(err)
	}
	marked := map[int64]bool{}
	for _, r := range data["Invoices"] {
		if r["webServiceDate"] != nil {
			id, _ := strconv.ParseInt(fmt.Sprint(r["id"]), 10, 64)
			marked[id] = true
		}
	}
	for id := range ready {
		if !marked[id] {
			t.Errorf("Autotask invoice %d has no webServiceDate: write-back incomplete", id)
		}
	}
	t.Logf("Xero holds %d documents for %d planned invoices; journal %s", len(inXero), len(ready), journalStates(ctx, t, w))
}

// ourRef is the "AT-<id>" at the end of a Xero Reference.
func ourRef(reference string) string {
	if i := strings.LastIndex(reference, " "); i >= 0 {
		return reference[i+1:]
	}
	return reference
}
