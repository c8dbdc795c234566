package xerosim

import "testing"

func TestParseWhere(t *testing.T) {
	for _, in := range []string{`Name=="acme ltd"`, `Name.ToLower()=="x" AND Status!="DELETED"`, `Contact.ContactID==Guid("6f3c8a52-1d2e-4b7a-9c1f-0a5e2d4b8c31")`, `Name.Contains("ac")`, `IsCustomer==true`} {
		cl, err := parseWhere(in)
		if err != nil || len(cl) == 0 {
			t.Errorf("%s: %v %v", in, cl, err)
		}
	}
	if _, err := parseWhere(`Name ~ "x"`); err == nil {
		t.Error("unsupported operator accepted")
	}
}
