package secrets

// Hooks for the black-box tests in package secrets_test.

// Backend is the keychain interface a Keyring is built on.
type Backend = backend

// NewKeyringWithBackend returns a Keyring over b instead of the system
// keychain.
func NewKeyringWithBackend(service string, b Backend) *Keyring {
	return &Keyring{service: service, kr: b}
}

const ChunkSize = chunkSize

var SplitChunks = splitChunks
