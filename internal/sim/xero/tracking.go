package xerosim

import "fmt"

// SetTrackingOptionStatus archives (ARCHIVED) or restores (ACTIVE) a
// tracking option, as a user does in Xero's settings; for tests and demos.
func (s *Server) SetTrackingOptionStatus(tenantID, category, option, status string) error {
	if status != "ACTIVE" && status != "ARCHIVED" {
		return fmt.Errorf("xerosim: tracking option status %q: want ACTIVE or ARCHIVED", status)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.st.Orgs[tenantID]
	if !ok {
		return fmt.Errorf("xerosim: no organisation %s", tenantID)
	}
	for _, c := range d.TrackingCategories {
		if c.Name != category {
			continue
		}
		for i := range c.Options {
			if c.Options[i].Name == option {
				c.Options[i].Status = status
				s.persistLocked()
				return nil
			}
		}
	}
	return fmt.Errorf("xerosim: no tracking option %s/%s", category, option)
}
