package qbosim

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/billbridge/billbridge/internal/sim/simhttp"
)

// handleAPI serves /v3/company/{realmId}/…: authentication, the realm
// check, minorversion, limits and requestid, then the operation.
func (s *Server) handleAPI(w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.Path, "/v3/company/")
	realmID, rest, _ := strings.Cut(rest, "/")
	g, detail := s.bearer(r)
	if g == nil {
		s.writeAuthFailed(w, detail)
		return
	}
	if g.RealmID != realmID {
		s.writeFault(w, errAuthorization())
		return
	}
	q := r.URL.Query()
	if mv := q.Get("minorversion"); mv != "" {
		if n, err := strconv.Atoi(mv); err != nil || n < 1 {
			s.writeFault(w, errInvalidValue("minorversion", "must be a positive integer, got "+mv))
			return
		}
	}
	isBatch := rest == "batch"
	if why := s.limits.admit(realmID, isBatch); why != "" {
		s.writeThrottled(w, why)
		return
	}
	defer s.limits.release(realmID)

	if r.Method == http.MethodPost && q.Has("requestid") {
		id := q.Get("requestid")
		maxLen := 50
		if isBatch {
			maxLen = 36
		}
		if id == "" || len(id) > maxLen {
			s.writeFault(w, errTooLong("requestid", maxLen, len(id)))
			return
		}
		key := realmID + "|" + id
		if e, first := s.idem.begin(key); !first {
			for k, v := range e.header {
				w.Header()[k] = v
			}
			w.WriteHeader(e.status)
			_, _ = w.Write(e.body)
			return
		}
		rec := simhttp.NewRecorder(w.Header())
		s.route(rec, r, realmID, rest)
		s.idem.finish(key, rec.Status(), rec.Header(), rec.Body())
		w.WriteHeader(rec.Status())
		_, _ = w.Write(rec.Body())
		return
	}
	s.route(w, r, realmID, rest)
}

// bearer finds the grant of the request's access token, or says why not.
func (s *Server) bearer(r *http.Request) (*grant, string) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || token == "" {
		return nil, "Authorization header missing or not a Bearer token"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	at, ok := s.st.Access[token]
	if !ok {
		return nil, "Token invalid"
	}
	if !s.now().Before(at.Expires) {
		return nil, "Token expired: " + at.Expires.Format("2006-01-02T15:04:05Z")
	}
	g := s.st.Grants[at.GrantID]
	if g == nil || g.Revoked {
		return nil, "Token revoked"
	}
	return g, ""
}

// route runs one API call under the state lock.
func (s *Server) route(w http.ResponseWriter, r *http.Request, realmID, rest string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rm := s.st.Realms[realmID]
	if rm == nil {
		s.writeFault(w, errAuthorization())
		return
	}
	seg := strings.Split(rest, "/")
	name := strings.ToLower(seg[0])
	var out map[string]any
	var f *apiFault
	switch {
	case name == "query" && (r.Method == http.MethodGet || r.Method == http.MethodPost):
		text := r.URL.Query().Get("query")
		if r.Method == http.MethodPost && text == "" {
			b, _ := io.ReadAll(r.Body)
			text = string(b)
		}
		var qr map[string]any
		qr, f = s.query(rm, text)
		out = map[string]any{"QueryResponse": qr}
	case name == "batch" && r.Method == http.MethodPost:
		var body map[string]any
		if body, f = decodeBody(r); f == nil {
			out, f = s.batch(rm, body)
		}
	case name == "cdc" && r.Method == http.MethodGet:
		out, f = s.cdc(rm, r.URL.Query())
	case name == "companyinfo" && r.Method == http.MethodGet:
		out = map[string]any{"CompanyInfo": companyInfo(rm)}
	case name == "reports" && len(seg) == 2 && seg[1] == "BalanceSheet" && r.Method == http.MethodGet:
		out, f = s.balanceSheet(rm, r.URL.Query())
	case name == "preferences" && r.Method == http.MethodGet:
		out = map[string]any{"Preferences": preferences(rm)}
	default:
		def := entityByPath(name)
		switch {
		case def == nil || len(seg) > 2:
			s.writeFault(w, &apiFault{status: http.StatusNotFound, Type: "ValidationFault", Errors: []faultError{{
				Message: "Unsupported Operation", Detail: "Operation " + r.Method + " " + rest + " is not supported.", Code: "500"}}})
			return
		case len(seg) == 2 && r.Method == http.MethodGet:
			var o obj
			if o, f = s.read(rm, def, seg[1]); f == nil {
				out = map[string]any{def.name: o}
			}
		case len(seg) == 1 && r.Method == http.MethodPost:
			var body map[string]any
			if body, f = decodeBody(r); f == nil {
				var o obj
				if o, f = s.write(rm, def, r.URL.Query().Get("operation"), body); f == nil {
					out = map[string]any{def.name: o}
					s.persistLocked()
				}
			}
		default:
			f = errUnsupportedOperation(r.Method + " " + rest)
		}
	}
	if f != nil {
		s.writeFault(w, f)
		return
	}
	out["time"] = qboTime(s.now())
	writeJSON(w, http.StatusOK, out)
}

// decodeBody reads a JSON object, keeping numbers exact.
func decodeBody(r *http.Request) (map[string]any, *apiFault) {
	ct := r.Header.Get("Content-Type")
	if !strings.HasPrefix(ct, "application/json") {
		return nil, validation("2010", "Request has invalid or unsupported property", "Content-Type must be application/json, got "+ct, "")
	}
	raw, _ := io.ReadAll(r.Body)
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var body map[string]any
	if err := d.Decode(&body); err != nil || body == nil {
		return nil, validation("2010", "Request has invalid or unsupported property", "Request body is not a JSON object", "")
	}
	return body, nil
}
