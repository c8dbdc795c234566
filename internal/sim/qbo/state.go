package qbosim

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/billbridge/billbridge/internal/atomicfile"
)

// obj is one stored entity in its JSON form; numbers are json.Number so
// amounts keep their exact decimal value.
type obj = map[string]any

// state is everything the simulator remembers; it is what DataFile holds.
type state struct {
	Codes   map[string]*authCode     `json:"codes"`
	Grants  map[string]*grant        `json:"grants"`
	Access  map[string]*accessToken  `json:"access"`
	Refresh map[string]*refreshToken `json:"refresh"`
	Realms  map[string]*realm        `json:"realms"`
}

// realm is one company's books.
type realm struct {
	Company Company `json:"company"`
	// CustomTxnNumbers is the company setting "Custom transaction numbers":
	// on, the app sends DocNumber and duplicates are refused (6140); off,
	// QBO numbers sales documents itself.
	CustomTxnNumbers bool `json:"customTxnNumbers"`
	// AllowDuplicateBillNumbers turns off the company setting "Warn if
	// duplicate bill number is used" (on in a new company).
	AllowDuplicateBillNumbers bool `json:"allowDuplicateBillNumbers,omitempty"`
	// AutomatedSalesTax (US) applies DefaultTaxCode to taxable lines when
	// the invoice names no TxnTaxCodeRef.
	AutomatedSalesTax bool   `json:"automatedSalesTax"`
	DefaultTaxCode    string `json:"defaultTaxCode,omitempty"`
	// Entities by name, then by Id.
	Entities map[string]map[string]obj `json:"entities"`
	NextID   int                       `json:"nextId"`
	NextDoc  int                       `json:"nextDoc"`
	// Changes feed change data capture: entity, id and when it changed.
	Changes []change `json:"changes"`
	// hidden holds the objects created by the running batch request, which
	// its later items cannot reference.
	hidden map[string]bool
}

type change struct {
	Entity  string    `json:"entity"`
	ID      string    `json:"id"`
	At      time.Time `json:"at"`
	Deleted bool      `json:"deleted,omitempty"`
}

func newState(companies []Company, now time.Time) *state {
	st := &state{Codes: map[string]*authCode{}, Grants: map[string]*grant{}, Access: map[string]*accessToken{},
		Refresh: map[string]*refreshToken{}, Realms: map[string]*realm{}}
	for _, c := range companies {
		st.Realms[c.RealmID] = seedRealm(c, now)
	}
	return st
}

func readState(path string) (*state, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("qbosim: read data file: %w", err)
	}
	st := &state{}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if err := d.Decode(st); err != nil {
		return nil, fmt.Errorf("qbosim: data file %s: %w", path, err)
	}
	if st.Codes == nil || st.Grants == nil || st.Access == nil || st.Refresh == nil || st.Realms == nil {
		return nil, fmt.Errorf("qbosim: data file %s is incomplete", path)
	}
	return st, nil
}

// writeState replaces path atomically: a crash leaves the old or the new file.
func writeState(path string, st *state) error {
	raw, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("qbosim: encode state: %w", err)
	}
	// 0o600: the state holds tokens and client data; only the user reads it.
	if err := atomicfile.WriteFile(path, raw, 0o600); err != nil {
		return fmt.Errorf("qbosim: write state: %w", err)
	}
	return nil
}

// randomToken returns n random bytes, hex-encoded.
func randomToken(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("qbosim: random: %v", err))
	}
	return hex.EncodeToString(b)
}

// qboTime formats a time the way QBO writes MetaData and envelope times.
func qboTime(t time.Time) string { return t.Format("2006-01-02T15:04:05.000-07:00") }
