package secrets

import (
	"strings"
	"sync"
)

// Memory keeps secrets in memory, for tests and the demo profile. It is safe
// for concurrent use.
type Memory struct {
	mu sync.Mutex
	m  map[string]string // by account
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{m: map[string]string{}} }

// Get implements Store.
func (m *Memory) Get(profileID int64, name string) (string, error) {
	if err := checkKey("get", profileID, name); err != nil {
		return "", err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[account(profileID, name)]
	if !ok {
		return "", notFound(profileID, name, "is not stored")
	}
	return v, nil
}

// Set implements Store.
func (m *Memory) Set(profileID int64, name, value string) error {
	if err := checkKey("set", profileID, name); err != nil {
		return err
	}
	if err := checkValue(name, value); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[account(profileID, name)] = value
	return nil
}

// Delete implements Store.
func (m *Memory) Delete(profileID int64, name string) error {
	if err := checkKey("delete", profileID, name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.m, account(profileID, name))
	return nil
}

// DeleteProfile implements Store.
func (m *Memory) DeleteProfile(profileID int64) error {
	if profileID <= 0 {
		return checkKey("delete profile", profileID, AutotaskSecret)
	}
	prefix := account(profileID, "")
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.m {
		if strings.HasPrefix(k, prefix) {
			delete(m.m, k)
		}
	}
	return nil
}
