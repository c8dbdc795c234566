package xerosim

import (
	"fmt"
	"strings"
)

// Xero's own words when a document names an archived contact or account
// (the bookkeeper archived it in Xero after Billbridge linked it).
const archivedContactMessage = "The contact with the specified contact details has been archived. The contact must be un-archived before creating new invoices or credit notes."

func archivedAccountMessage(code string) string {
	return "Account code '" + code + "' has been archived, or has been deleted. Each line item must reference a valid account."
}

// SetContactStatus archives (ARCHIVED) or restores (ACTIVE) the contact
// called name, as a bookkeeper does in Xero's Contacts; for tests and demos.
// As in Xero, a contact cannot be restored while an active one has its name.
func (s *Server) SetContactStatus(tenantID, name, status string) error {
	if status != "ACTIVE" && status != "ARCHIVED" {
		return fmt.Errorf("xerosim: contact status %q: want ACTIVE or ARCHIVED", status)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.st.Orgs[tenantID]
	if !ok {
		return fmt.Errorf("xerosim: no organisation %s", tenantID)
	}
	other := "ACTIVE" // the status the contact to change has now
	if status == "ACTIVE" {
		other = "ARCHIVED"
	}
	var found *Contact
	already, namesake := false, false
	for _, ct := range d.Contacts {
		if !strings.EqualFold(ct.Name, name) {
			continue
		}
		switch ct.ContactStatus {
		case other:
			if found == nil {
				found = ct
			}
		case status:
			already = true
		}
		namesake = namesake || ct.ContactStatus == "ACTIVE"
	}
	switch {
	case found == nil && already:
		return nil // already so: a second click changes nothing
	case found == nil:
		return fmt.Errorf("xerosim: no contact %s", name)
	case status == "ACTIVE" && namesake:
		return fmt.Errorf("xerosim: restore contact %s: an active contact has that name", name)
	}
	found.ContactStatus = status
	found.UpdatedDateUTC = msDate{s.now()}
	s.persistLocked()
	return nil
}

// SetAccountStatus archives (ARCHIVED) or restores (ACTIVE) the account
// with code, as a bookkeeper does in Xero's chart of accounts; for tests
// and demos.
func (s *Server) SetAccountStatus(tenantID, code, status string) error {
	if status != "ACTIVE" && status != "ARCHIVED" {
		return fmt.Errorf("xerosim: account status %q: want ACTIVE or ARCHIVED", status)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.st.Orgs[tenantID]
	if !ok {
		return fmt.Errorf("xerosim: no organisation %s", tenantID)
	}
	for _, a := range d.Accounts {
		if a.Code == code {
			a.Status = status
			a.UpdatedDateUTC = msDate{s.now()}
			s.persistLocked()
			return nil
		}
	}
	return fmt.Errorf("xerosim: no account %s", code)
}

// checkContactActive refuses a new or approved document for an archived
// contact, as Xero does.
func (c *call) checkContactActive(ref *ContactRef) []string {
	if ref == nil || ref.ContactID == "" {
		return nil
	}
	if ct := c.findContact(ref.ContactID); ct != nil && ct.ContactStatus == "ARCHIVED" {
		return []string{archivedContactMessage}
	}
	return nil
}

// archivedAccount reports whether code names an archived account (an
// unknown code is a different error).
func (c *call) archivedAccount(code string) bool {
	for _, a := range c.org.Accounts {
		if a.Code == code {
			return a.Status == "ARCHIVED"
		}
	}
	return false
}
