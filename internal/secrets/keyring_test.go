package secrets_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/zalando/go-keyring"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/secrets"
)

// go-keyring's mock is one global, unsynchronised map, so these tests do
// not run in parallel.
func TestKeyringWithGoKeyringMock(t *testing.T) {
	testStore(t, func(*testing.T) secrets.Store {
		keyring.MockInit()
		return secrets.NewKeyring("Billbridge-test")
	})
}

// windowsLike is a keychain that refuses blobs over 2,560 bytes, as Windows
// Credential Manager does (the go-keyring mock enforces no limit).
type windowsLike struct {
	mu      sync.Mutex
	entries map[string]string
	largest int
}

func newWindowsLike() *windowsLike { return &windowsLike{entries: map[string]string{}} }

func (w *windowsLike) Get(service, user string) (string, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	v, ok := w.entries[service+"|"+user]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return v, nil
}

func (w *windowsLike) Set(service, user, password string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(password) > 2560 {
		return keyring.ErrSetDataTooBig
	}
	w.largest = max(w.largest, len(password))
	w.entries[service+"|"+user] = password
	return nil
}

func (w *windowsLike) Delete(service, user string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.entries[service+"|"+user]; !ok {
		return keyring.ErrNotFound
	}
	delete(w.entries, service+"|"+user)
	return nil
}

func (w *windowsLike) accounts() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []string
	for k := range w.entries {
		out = append(out, strings.TrimPrefix(k, "svc|"))
	}
	return out
}

func TestKeyringWithSizeLimit(t *testing.T) {
	testStore(t, func(*testing.T) secrets.Store {
		return secrets.NewKeyringWithBackend("svc", newWindowsLike())
	})
}

func TestKeyringChunkLayout(t *testing.T) {
	w := newWindowsLike()
	k := secrets.NewKeyringWithBackend("svc", w)
	big := strings.Repeat("x", 10*1024)
	if err := k.Set(1, secrets.XeroToken, big); err != nil {
		t.Fatal(err)
	}
	if got := len(w.accounts()); got != 1+6 {
		t.Errorf("entries for a 10 KiB value = %d (%v); want a header and 6 chunks", got, w.accounts())
	}
	if w.largest > secrets.ChunkSize {
		t.Errorf("largest entry = %d bytes, want at most %d", w.largest, secrets.ChunkSize)
	}
	for i := range 6 {
		if _, err := w.Get("svc", fmt.Sprintf("profile-1/xero.token#%d", i)); err != nil {
			t.Errorf("chunk %d: %v", i, err)
		}
	}

	// A shorter value leaves no stale chunks behind.
	if err := k.Set(1, secrets.XeroToken, big[:3000]); err != nil {
		t.Fatal(err)
	}
	if got := len(w.accounts()); got != 1+2 {
		t.Errorf("entries after shrinking to 3,000 bytes = %v; want a header and 2 chunks", w.accounts())
	}
	if err := k.Set(1, secrets.XeroToken, "short"); err != nil {
		t.Fatal(err)
	}
	if got := w.accounts(); len(got) != 1 || got[0] != "profile-1/xero.token" {
		t.Errorf("entries after a short value = %v; want only profile-1/xero.token", got)
	}
	if err := k.Set(1, secrets.XeroToken, big); err != nil {
		t.Fatal(err)
	}
	if err := k.Delete(1, secrets.XeroToken); err != nil {
		t.Fatal(err)
	}
	if got := w.accounts(); len(got) != 0 {
		t.Errorf("entries after Delete = %v; want none", got)
	}
}

// Chunks left inconsistent (the app stopped in the middle of Set, or an
// entry was removed by hand) read as missing, never as a wrong value.
func TestKeyringDetectsIncompleteChunks(t *testing.T) {
	big := strings.Repeat("abcdefgh", 1000)
	tests := []struct {
		name   string
		damage func(w *windowsLike)
	}{
		{"chunk rewritten", func(w *windowsLike) { w.Set("svc", "profile-1/qbo.token#1", strings.Repeat("z", 2000)) }},
		{"chunk missing", func(w *windowsLike) { w.Delete("svc", "profile-1/qbo.token#3") }},
		{"header garbled", func(w *windowsLike) { w.Set("svc", "profile-1/qbo.token", "billbridge-chunks:v1:x") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWindowsLike()
			k := secrets.NewKeyringWithBackend("svc", w)
			if err := k.Set(1, secrets.QBOToken, big); err != nil {
				t.Fatal(err)
			}
			tt.damage(w)
			if _, err := k.Get(1, secrets.QBOToken); !errors.Is(err, secrets.ErrNotFound) {
				t.Errorf("Get = %v; want ErrNotFound", err)
			}
			// Storing it again repairs it.
			if err := k.Set(1, secrets.QBOToken, big); err != nil {
				t.Fatal(err)
			}
			if got, err := k.Get(1, secrets.QBOToken); err != nil || got != big {
				t.Errorf("Get after Set = %d bytes, %v", len(got), err)
			}
		})
	}
}

func TestKeyringUnavailable(t *testing.T) {
	for _, cause := range []error{
		errors.New(`exec: "dbus-launch": executable file not found in $PATH`),
		errors.New("The name org.freedesktop.secrets was not provided by any .service files"),
		errors.New("failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'"),
	} {
		t.Run(cause.Error(), func(t *testing.T) {
			keyring.MockInitWithError(cause)
			t.Cleanup(keyring.MockInit)
			k := secrets.NewKeyring("Billbridge-test")
			_, getErr := k.Get(1, secrets.XeroToken)
			for op, err := range map[string]error{
				"Get":           getErr,
				"Set":           k.Set(1, secrets.XeroToken, "v"),
				"Delete":        k.Delete(1, secrets.XeroToken),
				"DeleteProfile": k.DeleteProfile(1),
			} {
				e, ok := apperr.As(err)
				if !ok || e.Code != apperr.Unavailable || e.Message != "No keychain is available on this computer" || e.Fix == "" {
					t.Errorf("%s error = %v; want the unavailable keychain error with a fix", op, err)
					continue
				}
				if !errors.Is(err, cause) || errors.Is(err, secrets.ErrNotFound) {
					t.Errorf("%s error = %v; want it to keep the cause and not be ErrNotFound", op, err)
				}
			}
		})
	}
}

func TestKeyringConcurrentUse(t *testing.T) {
	k := secrets.NewKeyringWithBackend("svc", newWindowsLike())
	var wg sync.WaitGroup
	for p := int64(1); p <= 8; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				v := strings.Repeat(fmt.Sprint(p, i), 500)
				if err := k.Set(p, secrets.ExactToken, v); err != nil {
					t.Error(err)
					return
				}
				if got, err := k.Get(p, secrets.ExactToken); err != nil || got != v {
					t.Errorf("profile %d round %d: %d bytes, %v", p, i, len(got), err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestSplitChunks(t *testing.T) {
	tests := []struct {
		name  string
		value string
		size  int
		want  []int // chunk lengths in bytes
	}{
		{"short", "abc", 10, []int{3}},
		{"empty", "", 10, []int{0}},
		{"exactly one", strings.Repeat("a", 10), 10, []int{10}},
		{"one over", strings.Repeat("a", 11), 10, []int{10, 1}},
		{"10 KB at 2,000", strings.Repeat("a", 10240), 2000, []int{2000, 2000, 2000, 2000, 2000, 240}},
		{"never splits a rune", strings.Repeat("a", 9) + "€b", 10, []int{9, 4}},
		{"four-byte runes", strings.Repeat("𝄞", 5), 10, []int{8, 8, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chunks := secrets.SplitChunks(tt.value, tt.size)
			var lens []int
			for _, c := range chunks {
				lens = append(lens, len(c))
				if !utf8.ValidString(c) {
					t.Errorf("chunk %q is not valid UTF-8", c)
				}
			}
			if fmt.Sprint(lens) != fmt.Sprint(tt.want) {
				t.Errorf("chunk lengths = %v, want %v", lens, tt.want)
			}
			if strings.Join(chunks, "") != tt.value {
				t.Error("chunks do not join back to the value")
			}
		})
	}
}
