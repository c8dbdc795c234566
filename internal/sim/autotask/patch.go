package autotasksim

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// patch updates fields of one record. Only the fields in writableFields may
// change; Autotask answers 500 naming the field for anything else.
func (s *Server) patch(w http.ResponseWriter, e *entity, body []byte) {
	if !e.canUpdate {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{
			"Message": "The requested resource does not support http method 'PATCH'."})
		return
	}
	var obj map[string]any
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.UseNumber()
	if err := dec.Decode(&obj); err != nil || obj == nil {
		writeErrors(w, http.StatusInternalServerError, "The request body is not a JSON object.")
		return
	}
	var id int64
	changes := map[string]any{}
	for k, v := range obj {
		if strings.EqualFold(k, "id") {
			n, ok := v.(json.Number)
			if ok {
				id, _ = n.Int64()
			}
			continue
		}
		f, ok := e.field(k)
		if !ok {
			writeErrors(w, http.StatusInternalServerError, unknownField(e, k).msg)
			return
		}
		rule, writable := e.writable[f.Name]
		if !writable {
			writeErrors(w, http.StatusInternalServerError, "The field "+f.Name+" in the "+e.internal+" Entity is read-only.")
			return
		}
		nv, msg := writableValue(f.DataType, f.Name, rule, v)
		if msg != "" {
			writeErrors(w, http.StatusInternalServerError, msg)
			return
		}
		changes[f.Name] = nv
	}
	if id <= 0 {
		writeErrors(w, http.StatusInternalServerError, "The id of the "+e.internal+" to update is required.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.st.tables[e.name]
	i, ok := t.byID[id]
	if !ok {
		writeErrors(w, http.StatusInternalServerError, "Unable to find the "+e.internal+" with id "+itoa(id)+".")
		return
	}
	// Copy on write: Dataset() copies and persist() reads the rows.
	rec := copyRecord(t.rows[i])
	for k, v := range changes {
		rec[k] = v
	}
	t.rows[i] = rec
	if err := s.persist(); err != nil {
		s.log.Error("autotasksim: persist", "err", err)
		writeErrors(w, http.StatusInternalServerError, "The change could not be saved.")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"itemId": id})
}

func writableValue(dataType, name string, rule fieldRule, v any) (any, string) {
	if v == nil {
		return nil, ""
	}
	switch dataType {
	case "string":
		s, ok := v.(string)
		if !ok {
			return nil, "The value for " + name + " must be text."
		}
		if rule.maxLen > 0 && utf8.RuneCountInString(s) > rule.maxLen {
			return nil, "The value for " + name + " is longer than " + itoa(int64(rule.maxLen)) + " characters."
		}
		return s, ""
	case "datetime":
		s, ok := v.(string)
		if !ok {
			return nil, "The value for " + name + " must be an ISO-8601 date."
		}
		t, err := parseDate(s)
		if err != nil {
			return nil, "The value for " + name + " must be an ISO-8601 date."
		}
		return t.UTC().Format(time.RFC3339Nano), ""
	}
	return nil, "The field " + name + " cannot be written."
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
