package exactsim

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// endpoint is one served resource path below /api/v1/{division}/.
type endpoint struct {
	path       string // as Exact spells it, e.g. crm/Accounts
	table      string // stored records (picqer entity name)
	view       string // field list printed and filtered (the sync entity on sync paths)
	pageSize   int
	needSelect bool // a sync twin exists (or bulk): $select or $top=1 is mandatory
	sync       bool // only "Timestamp gt N" may be filtered; ordered by Timestamp
	invoicing  bool // needs the invoicing module
	post       func(c *call, in record) (record, *apiError)
	put        func(c *call, cur, in record) *apiError
}

var endpoints = []endpoint{
	{path: "system/Divisions", table: "SystemDivision", view: "SystemDivision", pageSize: 60},
	{path: "crm/Accounts", table: "Account", view: "Account", pageSize: 60, needSelect: true, post: postAccount, put: putAccount},
	{path: "logistics/Items", table: "Item", view: "Item", pageSize: 60, needSelect: true, post: postItem},
	{path: "salesentry/SalesEntries", table: "SalesEntry", view: "SalesEntry", pageSize: 60, post: postSalesEntry},
	{path: "salesinvoice/SalesInvoices", table: "SalesInvoice", view: "SalesInvoice", pageSize: 60, needSelect: true, invoicing: true, post: postSalesInvoice},
	{path: "salesinvoice/PrintedSalesInvoices", table: "PrintedSalesInvoice", view: "PrintedSalesInvoice", pageSize: 60, invoicing: true, post: postPrinted},
	{path: "vat/VATCodes", table: "VatCode", view: "VatCode", pageSize: 60},
	{path: "cashflow/PaymentConditions", table: "PaymentCondition", view: "PaymentCondition", pageSize: 60},
	{path: "general/Currencies", table: "Currency", view: "Currency", pageSize: 60},
	{path: "financial/Journals", table: "Journal", view: "Journal", pageSize: 60},
	{path: "financial/GLAccounts", table: "GLAccount", view: "GLAccount", pageSize: 60},
	{path: "financial/ReportingBalance", table: "ReportingBalance", view: "ReportingBalance", pageSize: 60, needSelect: true},
	{path: "cashflow/Receivables", table: "Receivable", view: "Receivable", pageSize: 60, needSelect: true},
	{path: "bulk/Cashflow/Receivables", table: "Receivable", view: "Receivable", pageSize: 1000, needSelect: true},
	{path: "purchaseorder/PurchaseOrders", table: "PurchaseOrder", view: "PurchaseOrder", pageSize: 60, needSelect: true, post: postPurchaseOrder},
	{path: "purchaseentry/PurchaseEntries", table: "PurchaseEntry", view: "PurchaseEntry", pageSize: 60, post: postPurchaseEntry},
	{path: "generaljournalentry/GeneralJournalEntries", table: "GeneralJournalEntry", view: "GeneralJournalEntry", pageSize: 60, post: postGeneralJournalEntry},
	{path: "generaljournalentry/GeneralJournalEntryLines", table: "GeneralJournalEntryLine", view: "GeneralJournalEntryLine", pageSize: 60},
	{path: "sync/CRM/Accounts", table: "Account", view: "SyncAccount", pageSize: 1000, needSelect: true, sync: true},
	{path: "sync/SalesInvoice/SalesInvoices", table: "SalesInvoice", view: "SyncSalesInvoice", pageSize: 1000, needSelect: true, sync: true, invoicing: true},
	{path: "sync/Cashflow/PaymentTerms", table: "Receivable", view: "SyncPaymentTerm", pageSize: 1000, needSelect: true, sync: true},
}

// call is one division API request, handled under s.mu.
type call struct {
	s    *Server
	r    *http.Request
	ep   *endpoint
	div  *divisionData
	key  string // the key in Entity(guid'…'), "" for the collection
	body []byte
}

var keyRE = regexp.MustCompile(`^(.*)\((?:guid)?'?([^')]*)'?\)$`)

// route splits "/api/v1/{division}/{service}/{Entity}[(key)]".
func route(path string) (div int, ep *endpoint, key string, ok bool) {
	rest := strings.TrimPrefix(path, "/api/v1/")
	first, rest, _ := strings.Cut(rest, "/")
	div, err := strconv.Atoi(first)
	if err != nil {
		return 0, nil, "", false
	}
	if m := keyRE.FindStringSubmatch(rest); m != nil {
		rest, key = m[1], m[2]
		if key == "" {
			return div, nil, "", false
		}
	}
	for i := range endpoints {
		if strings.EqualFold(endpoints[i].path, rest) {
			return div, &endpoints[i], key, true
		}
	}
	return div, nil, "", false
}

func (s *Server) handleAPI(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/api/v1/current/Me" {
		s.handleMe(w, r)
		return
	}
	s.mu.Lock()
	g, authErr := s.bearerLocked(r)
	s.mu.Unlock()
	divCode, ep, key, found := route(r.URL.Path)
	// The error block and the error count are per app, division and
	// endpoint; a request whose token names no app cannot be counted.
	blockKey := ""
	if g != nil && divCode != 0 {
		name := strings.ToLower(strings.TrimPrefix(r.URL.Path, fmt.Sprintf("/api/v1/%d/", divCode)))
		if ep != nil {
			name = strings.ToLower(ep.path)
		}
		blockKey = fmt.Sprintf("%s|%d|%s", g.ClientID, divCode, name)
		if until, blocked := s.limits.blocked(blockKey); blocked {
			(&apiError{http.StatusForbidden, fmt.Sprintf("API key blocked for this endpoint: more than %d errors (400, 401, 403, 404) in the last hour. The block is lifted at %s UTC; repeated errors lengthen it.",
				s.opts.ErrorBlockLimit, until.UTC().Format("2006-01-02 15:04:05"))}).write(w)
			return
		}
	}
	sw := &statusWriter{ResponseWriter: w}
	defer func() {
		if blockKey != "" && sw.status >= 400 && sw.status <= 404 && sw.status != http.StatusPaymentRequired {
			s.limits.countError(blockKey)
		}
	}()
	if authErr != "" {
		(&apiError{http.StatusUnauthorized, authErr}).write(sw)
		return
	}
	s.mu.Lock()
	div := s.st.Divisions[divCode]
	s.mu.Unlock()
	if div == nil {
		(&apiError{http.StatusUnauthorized, fmt.Sprintf("Forbidden: you have no access to division %d", divCode)}).write(sw)
		return
	}
	adm := s.limits.admit(fmt.Sprintf("%s|%d", g.ClientID, divCode))
	adm.headers(w.Header())
	if adm.limited {
		(&apiError{http.StatusTooManyRequests, "Too many requests: the API limit of this app for this division has been reached. Wait until the reset."}).write(w)
		return
	}
	if !strings.Contains(r.Header.Get("Accept"), "application/json") {
		(&apiError{http.StatusNotAcceptable, "Send Accept: application/json (Exact answers XML without it; this simulator speaks JSON only)"}).write(sw)
		return
	}
	if !found {
		(&apiError{http.StatusNotFound, "Resource not found for the segment '" + strings.TrimPrefix(r.URL.Path, "/api/v1/") + "'."}).write(sw)
		return
	}
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	defer s.mu.Unlock()
	c := &call{s: s, r: r, ep: ep, div: div, key: key, body: body}
	if ep.invoicing && !div.Division.InvoicingModule {
		(&apiError{http.StatusForbidden, "Forbidden: the invoicing module is not available in this division (" + div.Division.Description + ")."}).write(sw)
		return
	}
	switch {
	case r.Method == http.MethodGet:
		c.get(sw)
	case r.Method == http.MethodPost && key == "" && ep.post != nil:
		c.create(sw)
	case r.Method == http.MethodPut && key != "" && ep.put != nil:
		c.update(sw)
	default:
		(&apiError{http.StatusMethodNotAllowed, "The method " + r.Method + " is not allowed on " + ep.path + "."}).write(sw)
	}
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

// handleMe answers current/Me: the user and the current division. Calls
// without a division in the path do not count against the limits.
func (s *Server) handleMe(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, why := s.bearerLocked(r); why != "" {
		(&apiError{http.StatusUnauthorized, why}).write(w)
		return
	}
	first := s.opts.Divisions[0]
	me := record{"UserID": "5d1e0f6a-58f4-4e6a-9c0b-3a9c2b7d1e01", "UserName": "demo@billbridge.example", "FullName": "Demo User",
		"FirstName": "Demo", "LastName": "User", "Email": "demo@billbridge.example", "CurrentDivision": int64(first.Code),
		"AccountingDivision": int64(first.Code), "LanguageCode": "nl-NL", "Language": "NL", "ServerTime": s.now(), "Legislation": int64(1)}
	e := s.ents["Me"]
	sel, aerr := parseSelect(r.URL.Query().Get("$select"), e)
	if aerr != nil {
		aerr.write(w)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"d": map[string]any{"results": []any{
		s.ents.wire(e, me, sel, nil, s.APIBaseURL()+"current/Me(guid'"+me.str("UserID")+"')")}}})
}

// divisionRecords are the rows of system/Divisions.
func (c *call) divisionRecords() []record {
	var out []record
	for i, d := range c.s.opts.Divisions {
		out = append(out, record{"Code": int64(d.Code), "Description": d.Description, "Country": d.Country, "Currency": d.Currency,
			"Current": i == 0, "Hid": int64(i + 1), "Status": int64(1), "StartDate": time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
			"_seq": int64(i + 1), "_ts": int64(i + 1)})
	}
	return out
}
