package synctest_test

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/demo"
	"github.com/billbridge/billbridge/internal/mapping"
	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
	"github.com/billbridge/billbridge/internal/store"
)

// needKeychain skips unless a real keychain is there to share secrets
// between the test and the processes it starts.
func needKeychain(t *testing.T) {
	t.Helper()
	if os.Getenv("BILLBRIDGE_KEYRING_IT") != "1" {
		t.Skip("needs a real keychain shared with child processes: run inside scripts/with-keyring.sh with BILLBRIDGE_KEYRING_IT=1 (make test-go does)")
	}
	if testing.Short() {
		t.Skip("builds the binary and runs the sync many times")
	}
}

// buildBinary builds the billbridge command once for the test.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "billbridge")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/billbridge/billbridge")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// lineWatcher collects a process's output and finds the first line with a prefix.
type lineWatcher struct {
	mu    sync.Mutex
	lines []string
	more  chan struct{}
}

func watch(r io.Reader) *lineWatcher {
	w := &lineWatcher{more: make(chan struct{}, 1)}
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			w.mu.Lock()
			w.lines = append(w.lines, sc.Text())
			w.mu.Unlock()
			select {
			case w.more <- struct{}{}:
			default:
			}
		}
	}()
	return w
}

// after returns what follows prefix on the first line that has it, waiting up to d.
func (w *lineWatcher) after(prefix string, d time.Duration) (string, bool) {
	deadline := time.After(d)
	for {
		w.mu.Lock()
		for _, l := range w.lines {
			if _, rest, ok := strings.Cut(l, prefix); ok {
				w.mu.Unlock()
				return strings.TrimSpace(rest), true
			}
		}
		w.mu.Unlock()
		select {
		case <-w.more:
		case <-deadline:
			return "", false
		}
	}
}

// startSim runs `billbridge sim NAME --listen 127.0.0.1:0 --data FILE` as
// its own process and returns the address it prints after prefix. The
// simulator stops (Ctrl+C) when the test ends.
func startSim(t *testing.T, bin, name, file, prefix string, extra ...string) string {
	t.Helper()
	args := append([]string{"sim", name, "--listen", "127.0.0.1:0", "--data", file}, extra...)
	cmd := exec.Command(bin, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatalf("start sim %s: %v", name, err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	})
	addr, ok := watch(out).after(prefix, 15*time.Second)
	if !ok {
		t.Fatalf("sim %s printed no %q", name, prefix)
	}
	return addr
}

// seedXero writes a Xero simulator state file holding the demo's
// organisation (US dollars, the demo customers' tax rates), which a
// standalone `billbridge sim xero` then loads.
func seedXero(t *testing.T, file string) {
	t.Helper()
	xs, err := xerosim.New(xerosim.Options{DataFile: file, Orgs: []xerosim.Org{demo.Org}})
	if err != nil {
		t.Fatal(err)
	}
	xs.IssueToken(xerosim.DemoClient.ClientID, []string{demo.Org.TenantID}, []string{"accounting.settings"}) // persists the state
}

// acceptAll stores every mapping suggestion and accepts it, as "Accept all
// suggestions" does in the app (and `billbridge demo` headless).
func acceptAll(ctx context.Context, t *testing.T, deps connect.Deps, p store.Profile) {
	t.Helper()
	at, err := connect.Autotask(ctx, deps, p)
	if err != nil {
		t.Fatal(err)
	}
	lg, err := connect.Ledger(ctx, deps, p)
	if err != nil {
		t.Fatal(err)
	}
	st := deps.Store
	src, err := mapping.LoadSources(ctx, at, lg)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := st.MappingRules(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveMappingRules(ctx, p.ID, src.Suggestions(mapping.FromStore(rows, ""), "")); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AcceptSuggestions(ctx, p.ID, ""); err != nil {
		t.Fatal(err)
	}
}
