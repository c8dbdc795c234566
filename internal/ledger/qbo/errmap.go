package qbo

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
)

// mapError wraps e in an *apperr.Error where a person can act on it, naming
// the document (subj) and the field QuickBooks points at. Errors only a
// developer can fix stay a plain *APIError.
func (c *Client) mapError(e *APIError, subj subject) error {
	return mapFault(e, subj, c.company)
}

func mapFault(e *APIError, subj subject, company string) error {
	fe := e.first()
	switch {
	case e.Status == http.StatusUnauthorized || e.Has(CodeAuthentication) || e.Has(codeGeneralAuth):
		return apperr.Wrap(e, apperr.Reconnect,
			fmt.Sprintf("QuickBooks Online refused Billbridge's access to %s", company),
			"Reconnect QuickBooks Online in Billbridge's settings and sign in again.")
	case e.Status == http.StatusForbidden || e.Has(CodeAuthorization):
		return apperr.Wrap(e, apperr.Reconnect,
			fmt.Sprintf("Billbridge is not allowed to do this in %s", company),
			"Reconnect QuickBooks Online signed in as a QuickBooks admin of the company.")
	case e.Status == http.StatusTooManyRequests || e.Has(CodeThrottled):
		return apperr.Wrap(e, apperr.RateLimited,
			fmt.Sprintf("QuickBooks Online asked Billbridge to slow down (%s)", company),
			"Wait a minute and try again; other apps connected to the same company share Intuit's limits.")
	case e.Has(CodeDuplicateDocNum):
		return apperr.Wrap(e, apperr.Conflict,
			fmt.Sprintf("%s already exists in QuickBooks", subj),
			fmt.Sprintf("Open %s in QuickBooks: if it is this Autotask invoice, link it in Billbridge instead of sending it again; otherwise change one of the numbers.", subj.lower()))
	case e.Has(CodeDuplicateName):
		return apperr.Wrap(e, apperr.Conflict,
			fmt.Sprintf("The name of %s is already used in QuickBooks", subj),
			"QuickBooks needs display names unique across customers, vendors and employees, and item names unique across items: map it to the existing record in Billbridge, or rename one of them.")
	case e.Has(CodeStaleObject):
		return apperr.Wrap(e, apperr.Conflict,
			fmt.Sprintf("%s was changed in QuickBooks after Billbridge read it", subj),
			"Read it again to get its current SyncToken and apply the change again; the next sync does this.")
	case e.Has(CodeNotFound):
		return apperr.Wrap(fmt.Errorf("%w: %w", ErrNotFound, e), apperr.NotFound,
			fmt.Sprintf("QuickBooks has no %s, or it was made inactive", subj.lower()),
			"Refresh the data from QuickBooks and check Billbridge's mappings.")
	case e.Has(CodeClosedPeriod):
		return apperr.Wrap(e, apperr.Invalid,
			fmt.Sprintf("%s falls in a closed accounting period in QuickBooks", subj),
			"Change the document date, or ask the accountant to move the closing date in QuickBooks (Settings › Account and settings › Advanced).")
	case e.Has(CodeInvalidRef):
		return apperr.Wrap(e, apperr.Invalid,
			fmt.Sprintf("%s refers to something QuickBooks does not have%s: %s", subj, field(fe), describe(fe)),
			"Check Billbridge's mappings: the customer, item, tax code, term or account may have been deleted or made inactive in QuickBooks.")
	case e.Has(CodeBadUSTaxCode):
		return apperr.Wrap(e, apperr.Invalid,
			fmt.Sprintf("QuickBooks rejected the tax code of %s%s: %s", subj, field(fe), describe(fe)),
			"In a US company each line's tax code must be TAX or NON; map Autotask tax categories to those two in Billbridge.")
	case e.Status >= 500 || strings.EqualFold(e.Type, "SystemFault"):
		fix := "Try again in a few minutes; status.developer.intuit.com shows Intuit outages."
		if e.TID != "" {
			fix += " If it keeps happening, give Intuit support the reference intuit_tid " + e.TID + "."
		}
		return apperr.Wrap(e, apperr.Unavailable, "QuickBooks Online had a problem answering", fix)
	case e.Status == http.StatusBadRequest || strings.EqualFold(e.Type, "ValidationFault"):
		return apperr.Wrap(e, apperr.Invalid,
			fmt.Sprintf("QuickBooks rejected %s%s: %s", subj, field(fe), describe(fe)),
			"Correct what QuickBooks names, in Autotask or in Billbridge's mappings, and try again.")
	}
	return e
}

// field names the element at fault, when QuickBooks says which.
func field(fe FaultError) string {
	if fe.Element == "" {
		return ""
	}
	return " (field " + fe.Element + ")"
}

// describe is the most specific text of fe.
func describe(fe FaultError) string {
	switch {
	case fe.Detail != "":
		return fe.Detail
	case fe.Message != "":
		return fe.Message
	}
	return "error " + fe.Code
}
