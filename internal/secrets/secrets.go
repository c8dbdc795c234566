// Package secrets is the only place Billbridge keeps secrets: API secrets,
// integration codes, OAuth client secrets and tokens. They live in the
// operating system's keychain (Windows Credential Manager, macOS Keychain,
// the Secret Service on Linux), never in the database, a file or a log.
//
// Rules:
//   - Secrets are filed per profile under a closed set of names (names.go);
//     anything else is refused, so a typo cannot create a stray entry.
//   - When no keychain can be reached, operations fail with an
//     *apperr.Error (Unavailable) saying so. There is deliberately no
//     fallback to a file.
//   - A value that must travel through structs or logs is carried as a
//     Secret, which redacts itself when printed or logged.
package secrets

import (
	"errors"
	"fmt"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Store keeps secrets per profile. Implementations are safe for concurrent
// use.
type Store interface {
	// Get returns the secret; one never stored is an error wrapping
	// ErrNotFound.
	Get(profileID int64, name string) (string, error)
	// Set stores value (not empty) under name, replacing any earlier value.
	Set(profileID int64, name, value string) error
	// Delete removes the secret; deleting one that is absent is not an error.
	Delete(profileID int64, name string) error
	// DeleteProfile removes every secret of the profile.
	DeleteProfile(profileID int64) error
}

var (
	// ErrNotFound is wrapped by errors for a secret that was never stored,
	// was deleted, or was left incomplete.
	ErrNotFound = errors.New("secrets: not found")
	// ErrUnknownName is wrapped by errors for a name not in Names().
	ErrUnknownName = errors.New("secrets: unknown secret name")
)

// account is the keychain account a secret is filed under. It is ASCII only
// (profile IDs are numbers, names are ASCII constants) so it means the same
// in every keychain.
func account(profileID int64, name string) string {
	return fmt.Sprintf("profile-%d/%s", profileID, name)
}

// checkKey rejects a profile ID or name that cannot name a secret; these are
// programming errors, not something a user can fix.
func checkKey(op string, profileID int64, name string) error {
	if profileID <= 0 {
		return fmt.Errorf("secrets: %s %s: invalid profile id %d", op, name, profileID)
	}
	if !Known(name) {
		return fmt.Errorf("secrets: %s %q: %w", op, name, ErrUnknownName)
	}
	return nil
}

func checkValue(name, value string) error {
	if value == "" {
		return fmt.Errorf("secrets: set %s: empty value (use Delete to remove a secret)", name)
	}
	return nil
}

// notFound is what Get returns for a missing secret: the user's way out is
// to connect again, which stores it anew.
func notFound(profileID int64, name, why string) error {
	return apperr.Wrap(fmt.Errorf("secrets: %s for profile %d %s: %w", name, profileID, why, ErrNotFound),
		apperr.Reconnect,
		fmt.Sprintf("The saved %s for this profile is missing from the keychain", Label(name)),
		"Connect the profile again in its settings; Billbridge will save the credentials anew.")
}
