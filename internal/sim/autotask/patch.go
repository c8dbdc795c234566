package autotasksim

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/sim/autotask/internal/fieldspec"
)

// patch updates fields of one record. Only the fields in writableFields may
// change; Autotask answers 500 naming the field for anything else.
func (s *Server) patch(w http.ResponseWriter, e *entity, body []byte) {
	if !e.canUpdate {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{
			"Message": "The requested resource does not support http method 'PATCH'."})
		return
	}
	obj, ok := decodeBody(w, body)
	if !ok {
		return
	}
	var id int64
	if v, ok := lookupFold(obj, "id"); ok {
		if n, ok := v.(json.Number); ok {
			id, _ = n.Int64()
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	changes, msg := s.writableChanges(e, obj)
	if msg != "" {
		writeErrors(w, http.StatusInternalServerError, msg)
		return
	}
	if id <= 0 {
		writeErrors(w, http.StatusInternalServerError, "The id of the "+e.internal+" to update is required.")
		return
	}
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
	// A required field may not be cleared (records loaded from older data
	// files may lack one; only a change is checked).
	for _, k := range requiredFields[e.name] {
		if v, sent := changes[k]; sent && isBlank(v) {
			writeErrors(w, http.StatusInternalServerError, "The field "+k+" in the "+e.internal+" Entity is required and cannot be empty.")
			return
		}
	}
	s.stamp(e, rec)
	t.rows[i] = rec
	if err := s.persist(); err != nil {
		s.log.Error("autotasksim: persist", "err", err)
		writeErrors(w, http.StatusInternalServerError, "The change could not be saved.")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"itemId": id})
}

// decodeBody reads a JSON object body with numbers kept exact; it answers
// the error itself when the body is not an object.
func decodeBody(w http.ResponseWriter, body []byte) (map[string]any, bool) {
	var obj map[string]any
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.UseNumber()
	if err := dec.Decode(&obj); err != nil || obj == nil {
		writeErrors(w, http.StatusInternalServerError, "The request body is not a JSON object.")
		return nil, false
	}
	return obj, true
}

func lookupFold(obj map[string]any, name string) (any, bool) {
	for k, v := range obj {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return nil, false
}

// writableChanges checks every field of obj but id against the entity's
// writable fields, types, lengths, picklists and references; the caller
// holds s.mu. The message is Autotask's error text, "" when all is well.
func (s *Server) writableChanges(e *entity, obj map[string]any) (map[string]any, string) {
	changes := map[string]any{}
	for k, v := range obj {
		if strings.EqualFold(k, "id") {
			continue
		}
		f, ok := e.field(k)
		if !ok {
			return nil, unknownField(e, k).msg
		}
		rule, writable := e.writable[f.Name]
		if !writable {
			return nil, "The field " + f.Name + " in the " + e.internal + " Entity is read-only."
		}
		nv, msg := s.writableValue(e, f, rule, v)
		if msg != "" {
			return nil, msg
		}
		changes[f.Name] = nv
	}
	return changes, ""
}

func (s *Server) writableValue(e *entity, f fieldspec.Field, rule fieldRule, v any) (any, string) {
	name := f.Name
	if v == nil {
		return nil, ""
	}
	switch f.DataType {
	case "string":
		str, ok := v.(string)
		if !ok {
			return nil, "The value for " + name + " must be text."
		}
		if rule.maxLen > 0 && utf8.RuneCountInString(str) > rule.maxLen {
			return nil, "The value for " + name + " is longer than " + itoa(int64(rule.maxLen)) + " characters."
		}
		return str, ""
	case "datetime":
		str, ok := v.(string)
		if !ok {
			return nil, "The value for " + name + " must be an ISO-8601 date."
		}
		t, err := parseDate(str)
		if err != nil {
			return nil, "The value for " + name + " must be an ISO-8601 date."
		}
		return t.UTC().Format(time.RFC3339Nano), ""
	case "boolean":
		if _, ok := v.(bool); !ok {
			return nil, "The value for " + name + " must be true or false."
		}
		return v, ""
	case "integer", "long":
		n, ok := v.(json.Number)
		if !ok {
			return nil, "The value for " + name + " must be a whole number."
		}
		id, err := n.Int64()
		if err != nil {
			return nil, "The value for " + name + " must be a whole number."
		}
		if vals, ok := picklists[e.name][name]; ok {
			if !activePick(vals, n.String()) {
				return nil, "The value " + n.String() + " for " + name + " is not a valid picklist value of the " + e.internal + " Entity."
			}
			return json.Number(strconv.FormatInt(id, 10)), ""
		}
		if ref, ok := references[name]; ok {
			if msg := s.checkReference(name, ref, id); msg != "" {
				return nil, msg
			}
		}
		return json.Number(strconv.FormatInt(id, 10)), ""
	}
	return nil, "The field " + name + " cannot be written."
}

func activePick(vals []PicklistValue, v string) bool {
	for _, p := range vals {
		if p.Value == v && p.IsActive {
			return true
		}
	}
	return false
}

// checkReference makes sure id names an existing (and, where the record
// says, active) record of the referenced entity; the caller holds s.mu.
func (s *Server) checkReference(field, ref string, id int64) string {
	table, ok := referenceTables[ref]
	if !ok {
		return ""
	}
	t := s.st.tables[table]
	i, ok := t.byID[id]
	if !ok {
		return "The value " + itoa(id) + " for " + field + " does not exist: no " + ref + " has that id."
	}
	if active, ok := t.rows[i]["isActive"].(bool); ok && !active {
		return "The value " + itoa(id) + " for " + field + " refers to an inactive " + ref + "."
	}
	return ""
}

// stamp sets the entity's change timestamps on rec to now.
func (s *Server) stamp(e *entity, rec Record) {
	now := s.opts.Now().UTC().Format(time.RFC3339Nano)
	for _, f := range changeStamps[e.name] {
		rec[f] = now
	}
}

func isBlank(v any) bool {
	if v == nil {
		return true
	}
	str, ok := v.(string)
	return ok && strings.TrimSpace(str) == ""
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
