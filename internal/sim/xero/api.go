package xerosim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/billbridge/billbridge/internal/sim/simhttp"
)

// call is one Accounting API request, handled under s.mu.
type call struct {
	s     *Server
	w     http.ResponseWriter
	r     *http.Request
	q     url.Values
	org   *orgData
	grant *grant
	body  []byte
	parts []string // path after /api.xro/2.0/
}

// xeroError is Xero's 400 body.
type xeroError struct {
	ErrorNumber int    `json:"ErrorNumber"`
	Type        string `json:"Type"`
	Message     string `json:"Message"`
	Elements    []any  `json:"Elements,omitempty"`
}

func validationException(elements []any) *xeroError {
	return &xeroError{ErrorNumber: 10, Type: "ValidationException", Message: "A validation exception occurred", Elements: elements}
}

// fieldErrors is a validation failure not tied to a stored element.
func fieldErrors(msgs ...string) *xeroError {
	ve := make([]ValidationError, len(msgs))
	for i, m := range msgs {
		ve[i] = ValidationError{Message: m}
	}
	return validationException([]any{map[string]any{"ValidationErrors": ve}})
}

func (s *Server) handleAPI(w http.ResponseWriter, r *http.Request) {
	if !strings.Contains(r.Header.Get("Accept"), "application/json") {
		// Xero answers XML without it; this simulator speaks JSON only, so
		// a client that forgets the header learns it here.
		(&problemJSON{Title: "Not Acceptable", Status: http.StatusNotAcceptable, Detail: "Send Accept: application/json (Xero's default response format is XML)"}).write(w)
		return
	}
	tenant := r.Header.Get("Xero-Tenant-Id")
	s.mu.Lock()
	g, problem := s.bearerLocked(r)
	if problem == nil && (tenant == "" || !s.connectedLocked(g.ClientID, tenant)) {
		problem = &problemJSON{Title: "Forbidden", Status: http.StatusForbidden, Detail: "AuthenticationUnsuccessful"}
	}
	s.mu.Unlock()
	if problem != nil {
		problem.write(w)
		return
	}
	tenant = strings.ToLower(tenant)
	adm := s.limits.admit(tenant, g.ClientID)
	adm.headers(w.Header())
	if adm.problem != "" {
		writeJSON(w, http.StatusTooManyRequests, &problemJSON{Title: "Too Many Requests", Status: 429, Detail: "Rate limit exceeded: " + adm.problem, Instance: newID()})
		return
	}
	defer s.limits.release(tenant)
	body, _ := readAll(r)
	key := r.Header.Get("Idempotency-Key")
	if key != "" && (r.Method == http.MethodPut || r.Method == http.MethodPost) {
		if len(key) > 128 {
			writeJSON(w, http.StatusBadRequest, fieldErrors("Idempotency-Key must be at most 128 characters"))
			return
		}
		full := g.ClientID + "|" + tenant + "|" + key
		verdict, e := s.idem.begin(full, requestHash(r, body), s.now())
		switch verdict {
		case idemMismatch:
			writeJSON(w, http.StatusBadRequest, fieldErrors("The Idempotency-Key "+key+" has already been used with a different request"))
			return
		case idemBusy:
			writeJSON(w, http.StatusConflict, fieldErrors("A request with Idempotency-Key "+key+" is still being processed"))
			return
		case idemReplay:
			for k, v := range e.header {
				if !strings.HasPrefix(k, "X-") {
					w.Header()[k] = v
				}
			}
			w.WriteHeader(e.status)
			_, _ = w.Write(e.body)
			return
		}
		rec := simhttp.NewRecorder(http.Header{})
		s.route(rec, r, g, tenant, body)
		s.idem.finish(full, rec.Status(), rec.Header(), rec.Body())
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Status())
		_, _ = w.Write(rec.Body())
		return
	}
	s.route(w, r, g, tenant, body)
}

func readAll(r *http.Request) ([]byte, error) {
	var b bytes.Buffer
	_, err := b.ReadFrom(r.Body)
	return b.Bytes(), err
}

// route dispatches to the entity handlers under the state lock.
func (s *Server) route(w http.ResponseWriter, r *http.Request, g *grant, tenant string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	org := s.st.Orgs[tenant]
	if org == nil {
		for id, o := range s.st.Orgs {
			if strings.EqualFold(id, tenant) {
				org = o
			}
		}
	}
	rest := strings.Trim(strings.TrimPrefix(r.URL.Path, "/api.xro/2.0/"), "/")
	c := &call{s: s, w: w, r: r, q: r.URL.Query(), org: org, grant: g, body: body, parts: strings.Split(rest, "/")}
	h, scopes := c.endpoint()
	if h == nil {
		(&problemJSON{Title: "Not Found", Status: http.StatusNotFound, Detail: "The resource you're looking for cannot be found"}).write(w)
		return
	}
	if !c.hasScope(scopes) {
		(&problemJSON{Title: "Unauthorized", Status: http.StatusUnauthorized, Detail: "AuthorizationUnsuccessful"}).write(w)
		return
	}
	h()
	if r.Method != http.MethodGet {
		s.persistLocked()
	}
}

// hasScope: a write needs one of scopes; a read also accepts their .read forms.
func (c *call) hasScope(scopes []string) bool {
	for _, want := range scopes {
		for _, have := range c.grant.Scopes {
			if have == want || (c.r.Method == http.MethodGet && have == want+".read") {
				return true
			}
		}
	}
	return false
}

var (
	scopeSettings     = []string{"accounting.settings"}
	scopeContacts     = []string{"accounting.contacts"}
	scopeItems        = []string{"accounting.settings", "accounting.invoices", "accounting.transactions"}
	scopeTransactions = []string{"accounting.invoices", "accounting.transactions"}
	scopePayments     = []string{"accounting.payments", "accounting.transactions"}
	scopeJournals     = []string{"accounting.manualjournals", "accounting.transactions"}
)

// endpoint picks the handler for the path and method, with the scopes it needs.
func (c *call) endpoint() (func(), []string) {
	m, p := c.r.Method, c.parts
	one := len(p) == 2
	write := m == http.MethodPut || m == http.MethodPost
	switch p[0] {
	case "Contacts":
		switch {
		case len(p) == 1 && m == http.MethodGet:
			return c.getContacts, scopeContacts
		case one && m == http.MethodGet:
			return c.getContacts, scopeContacts
		case (len(p) == 1 || one) && write:
			return c.saveContacts, scopeContacts
		}
	case "Items":
		switch {
		case len(p) <= 2 && m == http.MethodGet:
			return c.getItems, scopeItems
		case len(p) <= 2 && write:
			return c.saveItems, scopeItems
		case one && m == http.MethodDelete:
			return c.deleteItem, scopeItems
		}
	case "Accounts", "TaxRates", "TrackingCategories", "BrandingThemes", "Currencies":
		if len(p) <= 2 && m == http.MethodGet {
			return c.getSettings, scopeSettings
		}
	case "Organisation":
		if len(p) == 1 && m == http.MethodGet {
			return c.getOrganisation, scopeSettings
		}
	case "Invoices":
		switch {
		case len(p) <= 2 && m == http.MethodGet:
			return c.getInvoices, scopeTransactions
		case len(p) <= 2 && write:
			return c.saveInvoices, scopeTransactions
		}
	case "CreditNotes":
		switch {
		case len(p) <= 2 && m == http.MethodGet:
			return c.getCreditNotes, scopeTransactions
		case len(p) <= 2 && write:
			return c.saveCreditNotes, scopeTransactions
		case len(p) == 3 && p[2] == "Allocations" && m == http.MethodPut:
			return c.allocateCreditNote, scopeTransactions
		}
	case "Payments":
		switch {
		case len(p) <= 2 && m == http.MethodGet:
			return c.getPayments, scopePayments
		case len(p) <= 2 && write:
			return c.savePayments, scopePayments
		}
	case "PurchaseOrders":
		switch {
		case len(p) <= 2 && m == http.MethodGet:
			return c.getPurchaseOrders, scopeTransactions
		case len(p) <= 2 && write:
			return c.savePurchaseOrders, scopeTransactions
		}
	case "Reports":
		return c.reportEndpoint()
	case "ManualJournals":
		switch {
		case len(p) <= 2 && m == http.MethodGet:
			return c.getManualJournals, scopeJournals
		case len(p) <= 2 && write:
			return c.saveManualJournals, scopeJournals
		}
	}
	return nil, nil
}

// ok writes a success envelope holding list under name.
func (c *call) ok(name string, list any, pagination map[string]int) {
	env := map[string]any{"Id": newID(), "Status": "OK", "ProviderName": "Billbridge (simulated Xero)", "DateTimeUTC": envelopeTime(c.s.now()), name: list}
	if pagination != nil {
		env["pagination"] = pagination
	}
	writeJSON(c.w, http.StatusOK, env)
}

func (c *call) fail(status int, e *xeroError) { writeJSON(c.w, status, e) }

func (c *call) notFound() {
	(&problemJSON{Title: "Not Found", Status: http.StatusNotFound, Detail: "The resource you're looking for cannot be found"}).write(c.w)
}

// unitdp is the number of decimals unit amounts keep on this request.
func (c *call) unitdp() int32 {
	if c.q.Get("unitdp") == "4" {
		return 4
	}
	return 2
}

// pageOf slices list to the requested page (100 per page, 1-based) when
// page is given; otherwise everything.
func pageOf[T any](c *call, list []T) ([]T, map[string]int, error) {
	ps := c.q.Get("page")
	if ps == "" {
		return list, nil, nil
	}
	var page int
	if _, err := fmt.Sscanf(ps, "%d", &page); err != nil || page < 1 {
		return nil, nil, fmt.Errorf("page must be a positive number")
	}
	size := 100
	if v := c.q.Get("pageSize"); v != "" {
		if _, err := fmt.Sscanf(v, "%d", &size); err != nil || size < 1 || size > 1000 {
			return nil, nil, fmt.Errorf("pageSize must be between 1 and 1000")
		}
	}
	from := min((page-1)*size, len(list))
	to := min(from+size, len(list))
	info := map[string]int{"page": page, "pageSize": size, "pageCount": (len(list) + size - 1) / size, "itemCount": len(list)}
	return list[from:to], info, nil
}

// decodeElements validates the body against the schema of the wrapper
// model (e.g. "Invoices") and returns the elements of its array, each raw
// and as a presence map.
func (c *call) decodeElements(wrapper string, maxN int) ([]json.RawMessage, []map[string]any, bool) {
	dec := json.NewDecoder(bytes.NewReader(c.body))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		c.fail(http.StatusBadRequest, &xeroError{ErrorNumber: 14, Type: "PostDataInvalidException", Message: "JSON for post data was invalid: " + err.Error()})
		return nil, nil, false
	}
	if errs := c.s.validateValue(wrapper, doc); len(errs) > 0 {
		c.fail(http.StatusBadRequest, fieldErrors(errs...))
		return nil, nil, false
	}
	var wrap map[string][]json.RawMessage
	if err := json.Unmarshal(c.body, &wrap); err != nil {
		c.fail(http.StatusBadRequest, &xeroError{ErrorNumber: 14, Type: "PostDataInvalidException", Message: "JSON for post data was invalid: " + err.Error()})
		return nil, nil, false
	}
	raws := wrap[wrapper]
	if len(raws) == 0 {
		c.fail(http.StatusBadRequest, fieldErrors(wrapper+" must contain at least one element"))
		return nil, nil, false
	}
	if maxN > 0 && len(raws) > maxN {
		c.fail(http.StatusBadRequest, fieldErrors(fmt.Sprintf("No more than %d %s can be sent in one request; this one has %d", maxN, wrapper, len(raws))))
		return nil, nil, false
	}
	maps := make([]map[string]any, len(raws))
	for i := range raws {
		maps[i] = doc.(map[string]any)[wrapper].([]any)[i].(map[string]any)
	}
	return raws, maps, true
}

// batchResult collects the answer to a batch write.
type batchResult struct {
	elements []any
	failed   []any
}

func (b *batchResult) add(el any, errs []string) {
	b.elements = append(b.elements, el)
	if len(errs) > 0 {
		b.failed = append(b.failed, el)
	}
}

// finish answers a batch write: per element with summarizeErrors=false,
// otherwise 400 listing the failed elements (the good ones stay saved).
func (c *call) finish(name string, b *batchResult) {
	if strings.EqualFold(c.q.Get("summarizeErrors"), "false") || len(b.failed) == 0 {
		c.ok(name, b.elements, nil)
		return
	}
	c.fail(http.StatusBadRequest, validationException(b.failed))
}

func toMessages(errs []string) []ValidationError {
	out := make([]ValidationError, len(errs))
	for i, e := range errs {
		out[i] = ValidationError{Message: e}
	}
	return out
}

// statusString is StatusAttributeString for an element.
func statusString(errs []string) string {
	if len(errs) > 0 {
		return "ERROR"
	}
	return "OK"
}
