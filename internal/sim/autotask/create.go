package autotasksim

import (
	"encoding/json"
	"net/http"
	"time"
)

// create answers POST /V1.0/{Entity} for the entities whose create rules
// the simulator knows (requiredFields): only writable fields may be sent,
// every required field must be set, and Autotask assigns the id, the
// creation date and creator, and the change timestamps. The answer is
// {"itemId": n}.
func (s *Server) create(w http.ResponseWriter, e *entity, body []byte, cred Credential) {
	if !e.canCreate {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{
			"Message": "The requested resource does not support http method 'POST'."})
		return
	}
	obj, ok := decodeBody(w, body)
	if !ok {
		return
	}
	if v, ok := lookupFold(obj, "id"); ok && v != nil && v != json.Number("0") {
		writeErrors(w, http.StatusInternalServerError, "The id of a new "+e.internal+" is assigned by Autotask; leave it out.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, msg := s.writableChanges(e, obj)
	if msg != "" {
		writeErrors(w, http.StatusInternalServerError, msg)
		return
	}
	for _, k := range requiredFields[e.name] {
		if isBlank(rec[k]) {
			writeErrors(w, http.StatusInternalServerError, "The field "+k+" in the "+e.internal+" Entity is required.")
			return
		}
	}
	t := s.st.tables[e.name]
	id := int64(1)
	if n := len(t.rows); n > 0 {
		id = idOf(t.rows[n-1]) + 1
	}
	rec["id"] = json.Number(itoa(id))
	if _, ok := e.field("isActive"); ok && rec["isActive"] == nil {
		rec["isActive"] = true
	}
	if _, ok := e.field("createDate"); ok {
		rec["createDate"] = s.opts.Now().UTC().Format(time.RFC3339Nano)
	}
	if _, ok := e.field("createdByResourceID"); ok && cred.ResourceID > 0 {
		rec["createdByResourceID"] = json.Number(itoa(cred.ResourceID))
	}
	s.stamp(e, rec)
	t.rows = append(t.rows, rec)
	t.byID[id] = len(t.rows) - 1
	if err := s.persist(); err != nil {
		s.log.Error("autotasksim: persist", "err", err)
		writeErrors(w, http.StatusInternalServerError, "The change could not be saved.")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"itemId": id})
}
