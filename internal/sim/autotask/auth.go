package autotasksim

import (
	"crypto/subtle"
	"net/http"
	"strconv"
	"strings"
)

// zoneInformation answers the zone lookup. Autotask answers HTTP 500 for a
// blank or unknown user, and the lookup needs no other header.
func (s *Server) zoneInformation(w http.ResponseWriter, r *http.Request) {
	if !allow(w, r, http.MethodGet) {
		return
	}
	user := r.URL.Query().Get("user")
	if user == "" {
		writeErrors(w, http.StatusInternalServerError, "Zone information could not be determined: the user parameter is required.")
		return
	}
	if _, ok := s.credential(user); !ok {
		writeErrors(w, http.StatusInternalServerError, "Zone information could not be determined for user "+user+".")
		return
	}
	base := s.URL()
	writeJSON(w, http.StatusOK, map[string]any{
		"zoneName": "Simulated Zone", "url": base + "ATServicesRest/", "webUrl": base, "ci": 0,
	})
}

func (s *Server) credential(user string) (Credential, bool) {
	for _, c := range s.opts.Credentials {
		if strings.EqualFold(c.UserName, user) {
			return c, true
		}
	}
	return Credential{}, false
}

// authenticate checks Autotask's three headers (header names are
// case-insensitive in HTTP, as in Autotask).
func (s *Server) authenticate(r *http.Request) (Credential, *apiError) {
	user, secret, code := r.Header.Get("UserName"), r.Header.Get("Secret"), r.Header.Get("ApiIntegrationCode")
	if user == "" || secret == "" {
		return Credential{}, errf(http.StatusUnauthorized, "Authentication failed: the UserName and Secret headers are required.")
	}
	c, ok := s.credential(user)
	if !ok || subtle.ConstantTimeCompare([]byte(c.Secret), []byte(secret)) != 1 {
		return Credential{}, errf(http.StatusUnauthorized, "Authentication failed: the user name or secret is not valid.")
	}
	if code == "" {
		return Credential{}, errf(http.StatusUnauthorized, "Authentication failed: the ApiIntegrationCode header (API tracking identifier) is missing.")
	}
	if code != c.IntegrationCode {
		return Credential{}, errf(http.StatusUnauthorized, "Authentication failed: the ApiIntegrationCode is not valid for this API user.")
	}
	if !c.Active {
		return Credential{}, errf(http.StatusForbidden, "The API user %s is inactive; activate the resource in Autotask.", c.UserName)
	}
	if imp := r.Header.Get("ImpersonationResourceId"); imp != "" {
		if _, err := strconv.ParseInt(imp, 10, 64); err != nil {
			return Credential{}, errf(http.StatusBadRequest, "ImpersonationResourceId must be a numeric resource id.")
		}
	}
	return c, nil
}
