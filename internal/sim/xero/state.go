package xerosim

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/billbridge/billbridge/internal/atomicfile"
)

// state is everything the simulator remembers; it is what DataFile holds.
type state struct {
	SignKey     string                   `json:"signKey"`
	Codes       map[string]*authCode     `json:"codes"`
	Grants      map[string]*grant        `json:"grants"`
	Access      map[string]*accessToken  `json:"access"`
	Refresh     map[string]*refreshToken `json:"refresh"`
	Connections []*connection            `json:"connections"`
	Orgs        map[string]*orgData      `json:"orgs"`
}

// orgData is one organisation's books.
type orgData struct {
	Org                Org                 `json:"org"`
	Contacts           []*Contact          `json:"contacts"`
	Items              []*Item             `json:"items"`
	Accounts           []*Account          `json:"accounts"`
	TaxRates           []*TaxRate          `json:"taxRates"`
	TrackingCategories []*TrackingCategory `json:"trackingCategories"`
	BrandingThemes     []*BrandingTheme    `json:"brandingThemes"`
	Currencies         []*Currency         `json:"currencies"`
	Invoices           []*Invoice          `json:"invoices"`
	CreditNotes        []*CreditNote       `json:"creditNotes"`
	Payments           []*Payment          `json:"payments"`
	PurchaseOrders     []*PurchaseOrder    `json:"purchaseOrders"`
	ManualJournals     []*ManualJournal    `json:"manualJournals"`
	Counters           map[string]int      `json:"counters"` // next automatic numbers: INV, CN, PO
}

func newState(orgs []Org, now time.Time) *state {
	st := &state{
		SignKey: newID() + newID(),
		Codes:   map[string]*authCode{}, Grants: map[string]*grant{},
		Access: map[string]*accessToken{}, Refresh: map[string]*refreshToken{},
		Orgs: map[string]*orgData{},
	}
	for _, o := range orgs {
		st.Orgs[o.TenantID] = seedOrg(o, now)
	}
	return st
}

func readState(path string) (*state, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("xerosim: read data file: %w", err)
	}
	st := &state{}
	if err := json.Unmarshal(raw, st); err != nil {
		return nil, fmt.Errorf("xerosim: data file %s: %w", path, err)
	}
	for _, m := range []bool{st.Codes == nil, st.Grants == nil, st.Access == nil, st.Refresh == nil, st.Orgs == nil} {
		if m {
			return nil, fmt.Errorf("xerosim: data file %s is incomplete", path)
		}
	}
	return st, nil
}

// writeState replaces path atomically: a crash leaves the old or the new file.
func writeState(path string, st *state) error {
	raw, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("xerosim: encode state: %w", err)
	}
	// 0o600: the state holds tokens and client data; only the user reads it.
	if err := atomicfile.WriteFile(path, raw, 0o600); err != nil {
		return fmt.Errorf("xerosim: write state: %w", err)
	}
	return nil
}

// newID returns a random UUID (version 4), the shape of every Xero id.
func newID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("xerosim: random: %v", err))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// randomToken returns n random bytes, hex-encoded.
func randomToken(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("xerosim: random: %v", err))
	}
	return hex.EncodeToString(b)
}
