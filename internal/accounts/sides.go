package accounts

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/ledger/exact"
)

// AutotaskSide reads and writes Autotask companies.
type AutotaskSide interface {
	AllCompanies(ctx context.Context) ([]Company, error)
	CompaniesChangedSince(ctx context.Context, t time.Time) ([]Company, error)
	CompaniesByID(ctx context.Context, ids []int64) ([]Company, error)
	CreateCompany(ctx context.Context, a Account) (int64, error)
	UpdateCompany(ctx context.Context, id int64, changes []Change) error
}

// LedgerSide reads and writes Exact accounts.
type LedgerSide interface {
	// AccountsSince reads accounts changed after timestamp since (1: all)
	// and returns the highest timestamp seen.
	AccountsSince(ctx context.Context, since int64) ([]Account, int64, error)
	AccountsByID(ctx context.Context, ids []string) ([]Account, error)
	CreateAccount(ctx context.Context, c Company) (Account, error)
	UpdateAccount(ctx context.Context, id string, changes []Change) error
}

// Autotask adapts an autotask.Client. Owner is the resource that owns new
// companies; 0 means the API user's own resource, looked up when needed.
type Autotask struct {
	Client *autotask.Client
	Owner  int64

	mu        sync.Mutex
	countries map[int64]string // id → ISO code
	byCode    map[string]int64
}

var companyFields = []string{"id", "companyName", "companyNumber", "companyType", "isActive", "phone", "address1", "address2",
	"city", "postalCode", "countryID", "taxID", autotask.CompanyModifiedField, autotask.CompanyActivityField, "createDate"}

func (s *Autotask) loadCountries(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.countries != nil {
		return nil
	}
	cs, err := s.Client.Countries(ctx)
	if err != nil {
		return fmt.Errorf("accounts: read Autotask countries: %w", err)
	}
	s.countries, s.byCode = map[int64]string{}, map[string]int64{}
	for _, c := range cs {
		code := strings.ToUpper(strings.TrimSpace(c.CountryCode))
		s.countries[c.ID] = code
		if _, dup := s.byCode[code]; !dup || c.IsActive {
			s.byCode[code] = c.ID
		}
	}
	return nil
}

func (s *Autotask) convert(ctx context.Context, cs []autotask.Company) ([]Company, error) {
	if len(cs) == 0 {
		return nil, nil
	}
	if err := s.loadCountries(ctx); err != nil {
		return nil, err
	}
	out := make([]Company, 0, len(cs))
	for _, c := range cs {
		mod := c.LastTrackedModifiedDateTime.Time
		if mod.IsZero() {
			mod = c.LastActivityDate.Time
		}
		if mod.IsZero() {
			mod = c.CreateDate.Time
		}
		co := Company{ID: c.ID, Number: strings.TrimSpace(c.CompanyNumber), Active: c.IsActive, Modified: mod,
			Fields: Fields{Name: c.CompanyName, Address1: c.Address1, Address2: c.Address2, City: c.City, Postcode: c.PostalCode,
				Phone: c.Phone, VATNumber: c.TaxID}}
		if c.CountryID != nil {
			co.Fields.Country = s.countries[*c.CountryID]
		}
		out = append(out, co)
	}
	return out, nil
}

func (s *Autotask) AllCompanies(ctx context.Context) ([]Company, error) {
	cs, err := s.Client.CompaniesOfType(ctx, autotask.CompanyTypeCustomer, companyFields)
	if err != nil {
		return nil, err
	}
	return s.convert(ctx, cs)
}

func (s *Autotask) CompaniesChangedSince(ctx context.Context, t time.Time) ([]Company, error) {
	cs, err := s.Client.CompaniesChangedSince(ctx, t, autotask.CompanyTypeCustomer, companyFields)
	if err != nil {
		return nil, err
	}
	return s.convert(ctx, cs)
}

func (s *Autotask) CompaniesByID(ctx context.Context, ids []int64) ([]Company, error) {
	cs, err := s.Client.CompaniesByID(ctx, ids, companyFields)
	if err != nil {
		return nil, err
	}
	return s.convert(ctx, cs)
}

// fields turns changes into the company fields Autotask takes.
func (s *Autotask) fields(ctx context.Context, label string, changes []Change) (autotask.CompanyFields, error) {
	var f autotask.CompanyFields
	for _, c := range changes {
		v := c.To
		switch c.Field {
		case "name":
			f.CompanyName = &v
		case "address1":
			f.Address1 = &v
		case "address2":
			f.Address2 = &v
		case "city":
			f.City = &v
		case "postcode":
			f.PostalCode = &v
		case "phone":
			f.Phone = &v
		case "vatNumber":
			f.TaxID = &v
		case "country":
			if v == "" {
				continue // Autotask companies always have a country; never blanked anyway
			}
			if err := s.loadCountries(ctx); err != nil {
				return f, err
			}
			id, ok := s.byCode[strings.ToUpper(v)]
			if !ok {
				return f, apperr.New(apperr.Invalid, fmt.Sprintf("%s: Autotask has no country with the code %q", label, v),
					"Correct the country in Exact (a two-letter ISO code), or add the country in Autotask.")
			}
			f.CountryID = &id
		}
	}
	return f, nil
}

func (s *Autotask) UpdateCompany(ctx context.Context, id int64, changes []Change) error {
	f, err := s.fields(ctx, fmt.Sprintf("Company %d", id), changes)
	if err != nil {
		return err
	}
	return s.Client.UpdateCompany(ctx, id, f)
}

func (s *Autotask) CreateCompany(ctx context.Context, a Account) (int64, error) {
	var changes []Change
	vals := a.Fields.Clean()
	for _, f := range FieldNames {
		if v := vals.Get(f); v != "" {
			changes = append(changes, Change{Field: f, To: v})
		}
	}
	label := fmt.Sprintf("Exact account %q", a.Fields.Name)
	f, err := s.fields(ctx, label, changes)
	if err != nil {
		return 0, err
	}
	if n := strings.TrimSpace(a.Code); n != "" {
		f.CompanyNumber = &n
	}
	owner, err := s.owner(ctx)
	if err != nil {
		return 0, err
	}
	return s.Client.CreateCompany(ctx, autotask.NewCompany{CompanyFields: f, CompanyType: autotask.CompanyTypeCustomer,
		OwnerResourceID: owner, IsActive: true})
}

// owner is the configured owner, else the API user's own resource.
func (s *Autotask) owner(ctx context.Context) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Owner > 0 {
		return s.Owner, nil
	}
	r, err := s.Client.ResourceByEmail(ctx, s.Client.UserName())
	if errors.Is(err, autotask.ErrNotFound) {
		return 0, apperr.New(apperr.Invalid, "Billbridge does not know which Autotask resource should own new companies",
			"Run billbridge accounts --profile NAME --owner-resource ID with the id of an active Autotask resource.")
	}
	if err != nil {
		return 0, fmt.Errorf("accounts: find the API user's resource: %w", err)
	}
	s.Owner = r.ID
	return r.ID, nil
}

// Exact adapts an exact.Client.
type Exact struct {
	Client *exact.Client
}

func accountOf(a exact.Account) Account {
	return Account{ID: a.ID, Code: strings.TrimSpace(a.Code), SearchCode: strings.TrimSpace(a.SearchCode),
		Customer: a.Status == "C" && !a.Blocked, Modified: a.Modified.Time,
		Fields: Fields{Name: a.Name, Address1: a.AddressLine1, Address2: a.AddressLine2, City: a.City, Postcode: a.Postcode,
			Country: a.Country, Phone: a.Phone, VATNumber: a.VATNumber}}
}

func (s *Exact) AccountsSince(ctx context.Context, since int64) ([]Account, int64, error) {
	as, ts, err := s.Client.SyncAccounts(ctx, since)
	if err != nil {
		return nil, 0, err
	}
	out := make([]Account, len(as))
	for i, a := range as {
		out[i] = accountOf(a)
	}
	return out, ts, nil
}

func (s *Exact) AccountsByID(ctx context.Context, ids []string) ([]Account, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	as, err := s.Client.AccountsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Account, len(as))
	for i, a := range as {
		out[i] = accountOf(a)
	}
	return out, nil
}

func (s *Exact) CreateAccount(ctx context.Context, c Company) (Account, error) {
	v := c.Fields.Clean()
	a := exact.Account{Name: v.Name, Status: "C", IsSales: true, AddressLine1: v.Address1, AddressLine2: v.Address2,
		City: v.City, Postcode: v.Postcode, Country: v.Country, Phone: v.Phone, VATNumber: v.VATNumber}
	if n := strings.TrimSpace(c.Number); n != "" {
		if _, err := exact.PadCode(n); err == nil {
			a.Code = n
		} else {
			a.SearchCode = n
		}
	}
	got, err := s.Client.CreateAccount(ctx, a)
	if err != nil {
		return Account{}, err
	}
	return accountOf(got), nil
}

func (s *Exact) UpdateAccount(ctx context.Context, id string, changes []Change) error {
	var ch exact.AccountChanges
	for _, c := range changes {
		v := c.To
		switch c.Field {
		case "name":
			ch.Name = &v
		case "address1":
			ch.AddressLine1 = &v
		case "address2":
			ch.AddressLine2 = &v
		case "city":
			ch.City = &v
		case "postcode":
			ch.Postcode = &v
		case "country":
			ch.Country = &v
		case "phone":
			ch.Phone = &v
		case "vatNumber":
			ch.VATNumber = &v
		}
	}
	return s.Client.UpdateAccount(ctx, id, ch)
}
