package xerosim

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// connection is one organisation an app may act on for the user.
type connection struct {
	ID          string    `json:"id"`
	ClientID    string    `json:"clientId"`
	TenantID    string    `json:"tenantId"`
	AuthEventID string    `json:"authEventId"`
	Created     time.Time `json:"created"`
	Updated     time.Time `json:"updated"`
}

// connectLocked adds or refreshes the app's connection to a tenant.
func (s *Server) connectLocked(clientID, tenantID, authEventID string) {
	now := s.now()
	for _, c := range s.st.Connections {
		if c.ClientID == clientID && c.TenantID == tenantID {
			c.AuthEventID, c.Updated = authEventID, now
			return
		}
	}
	s.st.Connections = append(s.st.Connections, &connection{ID: newID(), ClientID: clientID, TenantID: tenantID, AuthEventID: authEventID, Created: now, Updated: now})
}

// connectedLocked reports whether the app may act on tenantID.
func (s *Server) connectedLocked(clientID, tenantID string) bool {
	for _, c := range s.st.Connections {
		if c.ClientID == clientID && strings.EqualFold(c.TenantID, tenantID) {
			return true
		}
	}
	return false
}

// connectionJSON is the element of GET /connections (xero-identity.yaml).
type connectionJSON struct {
	ID             string `json:"id"`
	AuthEventID    string `json:"authEventId"`
	TenantID       string `json:"tenantId"`
	TenantType     string `json:"tenantType"`
	TenantName     string `json:"tenantName"`
	CreatedDateUtc string `json:"createdDateUtc"`
	UpdatedDateUtc string `json:"updatedDateUtc"`
}

const connectionTime = "2006-01-02T15:04:05.0000000"

// handleConnections serves GET /connections and DELETE /connections/{id}.
func (s *Server) handleConnections(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, problem := s.bearerLocked(r)
	if problem != nil {
		problem.write(w)
		return
	}
	id := strings.TrimPrefix(strings.TrimPrefix(r.URL.Path, "/connections"), "/")
	switch {
	case r.Method == http.MethodGet && id == "":
		out := []connectionJSON{}
		filter := r.URL.Query().Get("authEventId")
		for _, c := range s.st.Connections {
			if c.ClientID != g.ClientID || (filter != "" && c.AuthEventID != filter) {
				continue
			}
			out = append(out, connectionJSON{ID: c.ID, AuthEventID: c.AuthEventID, TenantID: c.TenantID, TenantType: "ORGANISATION",
				TenantName: s.st.Orgs[c.TenantID].Org.Name, CreatedDateUtc: c.Created.Format(connectionTime), UpdatedDateUtc: c.Updated.Format(connectionTime)})
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	case r.Method == http.MethodDelete && id != "":
		for i, c := range s.st.Connections {
			if c.ID == id && c.ClientID == g.ClientID {
				s.st.Connections = append(s.st.Connections[:i], s.st.Connections[i+1:]...)
				s.persistLocked()
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		(&problemJSON{Title: "Not Found", Status: http.StatusNotFound, Detail: "Connection not found"}).write(w)
	default:
		(&problemJSON{Title: "Method Not Allowed", Status: http.StatusMethodNotAllowed, Detail: "Unsupported method"}).write(w)
	}
}
