package autotasksim

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/sim/simhttp"
)

const maxBody = 8 << 20

// Handler answers every simulator request.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serve) }

// statusWriter logs the request once its status is known and before the
// response leaves, so a client that reads the log right after its answer
// always finds its own request there.
type statusWriter struct {
	http.ResponseWriter
	status int
	logged func(status int)
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
		w.logged(code)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, maxBody))
	entry := LoggedRequest{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Body: string(body),
		At: s.opts.Now(), IntegrationCode: r.Header.Get("ApiIntegrationCode")}
	record := func(status int) {
		entry.Status = status
		s.reqlog.Add(entry)
		s.log.Debug("autotasksim: request", "method", entry.Method, "path", entry.Path, "status", entry.Status,
			"integration", entry.IntegrationCode)
	}
	sw := &statusWriter{ResponseWriter: w, logged: record}
	defer func() {
		if sw.status == 0 { // a reset connection: no status was ever sent
			record(0)
		}
	}()

	f := s.limits.nextFault()
	if f.Reset {
		simhttp.DropConnection(w)
		return
	}
	if f.Status != 0 {
		writeErrors(sw, f.Status, "Injected fault: the simulated server failed this request.")
		return
	}

	rest, ok := cutFold(r.URL.Path, "/atservicesrest/v1.0/")
	if !ok {
		writeErrors(sw, http.StatusNotFound, "No HTTP resource was found that matches the request URI.")
		return
	}
	rest = strings.Trim(rest, "/")
	if strings.EqualFold(rest, "zoneInformation") {
		s.zoneInformation(sw, r)
		return
	}
	cred, apiErr := s.authenticate(r)
	if apiErr != nil {
		writeErrors(sw, apiErr.status, apiErr.msg)
		return
	}
	over, delay := s.limits.hit()
	if over {
		writeErrors(sw, http.StatusTooManyRequests, "The request threshold of "+strconv.Itoa(s.opts.HourlyThreshold)+
			" requests per hour for this database has been exceeded; try again later.")
		return
	}
	// Slow answers hold their thread slot, as on Autotask, so the delay is
	// served inside route.
	s.route(sw, r, rest, body, cred, delay+f.Latency)
}

func sleep(r *http.Request, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-r.Context().Done():
	}
}

func cutFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return "", false
	}
	return s[len(prefix):], true
}

func (s *Server) route(w http.ResponseWriter, r *http.Request, rest string, body []byte, cred Credential, delay time.Duration) {
	parts := strings.Split(rest, "/")
	if len(parts) == 1 && strings.EqualFold(parts[0], "ThresholdInformation") {
		sleep(r, delay)
		if !allow(w, r, http.MethodGet) {
			return
		}
		writeJSON(w, http.StatusOK, map[string]int{
			"externalRequestThreshold":     s.opts.HourlyThreshold,
			"requestThresholdTimeframe":    60,
			"currentTimeframeRequestCount": s.limits.count(),
		})
		return
	}
	e, ok := s.schema.entity(parts[0])
	if !ok {
		writeErrors(w, http.StatusNotFound, "No HTTP resource was found that matches the request URI.")
		return
	}
	key := strings.ToLower(cred.IntegrationCode + "|" + e.name)
	if !s.limits.acquire(key) {
		writeErrors(w, http.StatusTooManyRequests, "Too many concurrent requests: at most "+
			strconv.Itoa(s.opts.ThreadsPerEndpoint)+" threads per integration per entity are allowed.")
		return
	}
	defer s.limits.release(key)
	sleep(r, delay)

	sub := strings.ToLower(strings.Join(parts[1:], "/"))
	switch {
	case sub == "":
		if !allow(w, r, http.MethodPatch, http.MethodPost) {
			return
		}
		if r.Method == http.MethodPost {
			s.create(w, e, body, cred)
			return
		}
		s.patch(w, e, body)
	case sub == "query":
		if !allow(w, r, http.MethodGet, http.MethodPost) {
			return
		}
		s.runQuery(w, r, e, body, false)
	case sub == "query/count":
		if !allow(w, r, http.MethodGet, http.MethodPost) {
			return
		}
		s.runQuery(w, r, e, body, true)
	case sub == "query/next":
		if !allow(w, r, http.MethodGet) {
			return
		}
		s.nextPage(w, r, e)
	case sub == "entityinformation":
		if allow(w, r, http.MethodGet) {
			s.entityInformation(w, e)
		}
	case sub == "entityinformation/fields":
		if allow(w, r, http.MethodGet) {
			writeJSON(w, http.StatusOK, map[string]any{"fields": e.fieldMetas})
		}
	case sub == "entityinformation/userdefinedfields":
		if allow(w, r, http.MethodGet) {
			s.udfInformation(w, e)
		}
	case len(parts) == 2:
		id, err := strconv.ParseInt(parts[1], 10, 64)
		if err != nil || !e.canGet {
			writeErrors(w, http.StatusNotFound, "No HTTP resource was found that matches the request URI.")
			return
		}
		if allow(w, r, http.MethodGet) {
			s.getOne(w, e, id)
		}
	default:
		writeErrors(w, http.StatusNotFound, "No HTTP resource was found that matches the request URI.")
	}
}

// allow answers 405 in ASP.NET Web API's shape when the method is wrong.
func allow(w http.ResponseWriter, r *http.Request, methods ...string) bool {
	for _, m := range methods {
		if r.Method == m {
			return true
		}
	}
	writeJSON(w, http.StatusMethodNotAllowed, map[string]string{
		"Message": "The requested resource does not support http method '" + r.Method + "'."})
	return false
}

func writeErrors(w http.ResponseWriter, status int, msgs ...string) {
	writeJSON(w, status, map[string][]string{"errors": msgs})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeRaw(w, status, buf.Bytes())
}

func writeRaw(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
