package secrets

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/zalando/go-keyring"

	"github.com/billbridge/billbridge/internal/apperr"
)

// backend is the keychain as go-keyring presents it; tests substitute one
// that enforces Windows' size limit.
type backend interface {
	Get(service, user string) (string, error)
	Set(service, user, password string) error
	Delete(service, user string) error
}

// goKeyring is the operating system's keychain through go-keyring (or its
// mock after keyring.MockInit).
type goKeyring struct{}

func (goKeyring) Get(service, user string) (string, error) { return keyring.Get(service, user) }
func (goKeyring) Set(service, user, password string) error {
	return keyring.Set(service, user, password)
}
func (goKeyring) Delete(service, user string) error { return keyring.Delete(service, user) }

// Keyring keeps secrets in the operating system's keychain under one
// service name. A value over chunkSize bytes is stored as numbered chunk
// entries ("profile-1/xero.token#0", "#1", …) behind a small header entry
// under the secret's own account.
type Keyring struct {
	service string
	kr      backend
	// mu serialises operations, so two goroutines never interleave the
	// chunks of one value.
	mu sync.Mutex
}

// NewKeyring returns a Keyring for service ("Billbridge" in the app).
func NewKeyring(service string) *Keyring {
	return &Keyring{service: service, kr: goKeyring{}}
}

// Get implements Store.
func (k *Keyring) Get(profileID int64, name string) (string, error) {
	if err := checkKey("get", profileID, name); err != nil {
		return "", err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	acct := account(profileID, name)
	entry, err := k.kr.Get(k.service, acct)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", notFound(profileID, name, "is not stored")
	}
	if err != nil {
		return "", k.failed("read", acct, err)
	}
	count, sum, chunked, err := parseHeader(entry)
	if err != nil {
		return "", notFound(profileID, name, err.Error())
	}
	if !chunked {
		return entry, nil
	}
	var b strings.Builder
	for i := range count {
		part, err := k.kr.Get(k.service, chunkAccount(acct, i))
		if errors.Is(err, keyring.ErrNotFound) {
			return "", notFound(profileID, name, fmt.Sprintf("is incomplete: chunk %d of %d is missing", i+1, count))
		}
		if err != nil {
			return "", k.failed("read", chunkAccount(acct, i), err)
		}
		b.WriteString(part)
	}
	value := b.String()
	if digest(value) != sum {
		return "", notFound(profileID, name, "is incomplete: its chunks do not match their header")
	}
	return value, nil
}

// Set implements Store. Chunks are written before the header that points
// at them, and stale chunks of a longer earlier value are removed after.
func (k *Keyring) Set(profileID int64, name, value string) error {
	if err := checkKey("set", profileID, name); err != nil {
		return err
	}
	if err := checkValue(name, value); err != nil {
		return err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	acct := account(profileID, name)
	oldCount := k.chunkCount(acct)

	entry, chunks := value, []string(nil)
	if needsChunks(value) {
		chunks = splitChunks(value, chunkSize)
		entry = encodeHeader(len(chunks), value)
	}
	for i, c := range chunks {
		if err := k.kr.Set(k.service, chunkAccount(acct, i), c); err != nil {
			return k.failed("save", chunkAccount(acct, i), err)
		}
	}
	if err := k.kr.Set(k.service, acct, entry); err != nil {
		return k.failed("save", acct, err)
	}
	return k.removeChunks(acct, len(chunks), oldCount)
}

// Delete implements Store.
func (k *Keyring) Delete(profileID int64, name string) error {
	if err := checkKey("delete", profileID, name); err != nil {
		return err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.delete(account(profileID, name))
}

// DeleteProfile implements Store: every known name, chunks included.
func (k *Keyring) DeleteProfile(profileID int64) error {
	if profileID <= 0 {
		return checkKey("delete profile", profileID, AutotaskSecret)
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, name := range names {
		if err := k.delete(account(profileID, name)); err != nil {
			return err
		}
	}
	return nil
}

// delete removes the header (so the secret is gone at once), then its
// chunks.
func (k *Keyring) delete(acct string) error {
	oldCount := k.chunkCount(acct)
	if err := k.kr.Delete(k.service, acct); err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return k.failed("delete", acct, err)
	}
	return k.removeChunks(acct, 0, oldCount)
}

// chunkCount returns how many chunks the entry at acct points to; 0 when
// it is absent, not chunked or unreadable (removeChunks then probes).
func (k *Keyring) chunkCount(acct string) int {
	entry, err := k.kr.Get(k.service, acct)
	if err != nil {
		return 0
	}
	count, _, _, err := parseHeader(entry)
	if err != nil {
		return 0
	}
	return count
}

// removeChunks deletes chunk entries from index `from` on: all of the
// oldCount the previous header named, then any further ones until one is
// missing (left over if the app stopped during an earlier Set or Delete).
// It deletes from the highest index down so an interrupted run leaves the
// remaining chunks contiguous, where the next run's probe finds them.
func (k *Keyring) removeChunks(acct string, from, oldCount int) error {
	end := max(from, oldCount)
	for {
		_, err := k.kr.Get(k.service, chunkAccount(acct, end))
		if errors.Is(err, keyring.ErrNotFound) {
			break
		}
		if err != nil {
			return k.failed("read", chunkAccount(acct, end), err)
		}
		end++
	}
	for i := end - 1; i >= from; i-- {
		err := k.kr.Delete(k.service, chunkAccount(acct, i))
		if err != nil && !errors.Is(err, keyring.ErrNotFound) {
			return k.failed("delete", chunkAccount(acct, i), err)
		}
	}
	return nil
}

// failed explains a keychain error. Apart from "not found" (handled by the
// callers) and a value too large (prevented by chunking), go-keyring's
// errors mean the keychain could not be used: no D-Bus session, no Secret
// Service, a locked keychain, or a refused prompt.
func (k *Keyring) failed(op, acct string, err error) error {
	cause := fmt.Errorf("secrets: %s %s in keychain %q: %w", op, acct, k.service, err)
	if errors.Is(err, keyring.ErrSetDataTooBig) {
		return cause
	}
	return apperr.Wrap(cause, apperr.Unavailable, "No keychain is available on this computer", keychainFix(runtime.GOOS))
}

func keychainFix(goos string) string {
	switch goos {
	case "darwin":
		return "Billbridge keeps passwords and tokens in the macOS Keychain. Open Keychain Access, unlock your " +
			"login keychain, allow Billbridge when asked, then try again."
	case "windows":
		return "Billbridge keeps passwords and tokens in Windows Credential Manager. Sign in to Windows with " +
			"your own user account (not a service or guest account), then try again."
	default:
		return "Billbridge keeps passwords and tokens in the Secret Service keychain. Install one (for example " +
			"gnome-keyring, or KeePassXC with Secret Service turned on), make sure it runs and is unlocked in " +
			"your desktop session, then try again."
	}
}
