package oauth_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/oauth"
	"github.com/billbridge/billbridge/internal/oauth/internal/fakeauth"
	"github.com/billbridge/billbridge/internal/secrets"
)

// Two token sources with their own in-memory state (as the desktop app and
// the CLI have) over one keychain entry and one lock directory: the second
// to get the lock finds the token already refreshed and does not spend the
// rotated-away refresh token.
func TestTokenSourceLockAcrossSources(t *testing.T) {
	e := newEnv(t, fakeauth.Options{TokenDelay: 100 * time.Millisecond})
	lockDir := t.TempDir()
	var srcs []*oauth.TokenSource
	for range 2 {
		srcs = append(srcs, oauth.NewTokenSource(oauth.TokenSourceConfig{
			Provider: e.p, Now: e.clk.Now, LockDir: lockDir, LockName: "profile-7-xero.lock",
			Store: oauth.NewSecretsStore(e.mem, profileID, secrets.XeroToken),
		}))
	}
	// Both read the token while it is fresh, so both hold the old set.
	for _, s := range srcs {
		if _, err := s.Token(); err != nil {
			t.Fatal(err)
		}
	}
	e.clk.Advance(29 * time.Minute)
	var wg sync.WaitGroup
	got := make([]string, 40)
	for i := range got {
		wg.Go(func() {
			tok, err := srcs[i%2].Token()
			if err != nil {
				t.Error(err)
				return
			}
			got[i] = tok.AccessToken
		})
	}
	wg.Wait()
	if c := e.fake.Counts(); c.Refreshes != 1 || c.Refused != 0 {
		t.Fatalf("counts %+v, want exactly one accepted refresh; refusals %v", c, e.fake.Refusals())
	}
	for _, a := range got {
		if a != got[0] {
			t.Fatal("sources handed out different access tokens")
		}
	}
}

// fileStore is a TokenStore in a JSON file, so that separate processes can
// share a token set in this test.
type fileStore struct{ path string }

func (f fileStore) Load(ctx context.Context) (*oauth2.Token, error) {
	b, err := os.ReadFile(f.path)
	if err != nil {
		return nil, err
	}
	return oauth.UnmarshalToken(b)
}

func (f fileStore) Save(ctx context.Context, tok *oauth2.Token) error {
	b, err := oauth.MarshalToken(tok)
	if err != nil {
		return err
	}
	tmp := f.path + ".tmp" + fmt.Sprint(os.Getpid())
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, f.path)
}

const helperEnv = "BILLBRIDGE_OAUTH_TEST_HELPER"

// TestHelperProcess is the "other process" of TestTokenSourceLockAcross
// Processes; it does nothing in a normal run.
func TestHelperProcess(t *testing.T) {
	if os.Getenv(helperEnv) != "1" {
		t.Skip("helper process only")
	}
	p := oauth.Xero("app", "app-secret", nil)
	p.TokenURL = os.Getenv("HELPER_TOKEN_URL")
	src := oauth.NewTokenSource(oauth.TokenSourceConfig{Provider: p,
		Store: fileStore{os.Getenv("HELPER_STORE")}, LockDir: os.Getenv("HELPER_LOCK_DIR")})
	tok, err := src.Token()
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(1)
	}
	fmt.Println("TOKEN", tok.AccessToken)
}

func TestTokenSourceLockAcrossProcesses(t *testing.T) {
	if os.Getenv(helperEnv) == "1" {
		t.Skip("in helper")
	}
	fake := fakeauth.New(fakeauth.Options{TokenDelay: 300 * time.Millisecond,
		Clients: []fakeauth.Client{{ID: "app", Secret: "app-secret"}}})
	defer fake.Close()
	dir := t.TempDir()
	store := fileStore{filepath.Join(dir, "token.json")}
	at, rt, _ := fake.Mint("app", "")
	// Due now: one minute left, inside the two-minute margin.
	store.Save(context.Background(), &oauth2.Token{AccessToken: at, RefreshToken: rt, Expiry: time.Now().Add(time.Minute)})

	const procs = 4
	var wg sync.WaitGroup
	outs := make([]string, procs)
	for i := range procs {
		wg.Go(func() {
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.v")
			cmd.Env = append(os.Environ(), helperEnv+"=1", "HELPER_TOKEN_URL="+fake.TokenURL(),
				"HELPER_STORE="+store.path, "HELPER_LOCK_DIR="+filepath.Join(dir, "locks"))
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Errorf("helper %d: %v\n%s", i, err, out)
			}
			for _, line := range strings.Split(string(out), "\n") {
				if tok, ok := strings.CutPrefix(line, "TOKEN "); ok {
					outs[i] = tok
				}
			}
		})
	}
	wg.Wait()
	if c := fake.Counts(); c.Refreshes != 1 || c.Refused != 0 {
		t.Fatalf("counts %+v across %d processes, want exactly one accepted refresh; refusals %v", c, procs, fake.Refusals())
	}
	for i, o := range outs {
		if o == "" || o != outs[0] || o == at {
			t.Fatalf("process %d got %q, want the one new token %q", i, o, outs[0])
		}
	}
}
