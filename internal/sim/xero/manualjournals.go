package xerosim

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/billbridge/billbridge/internal/money"
)

// ManualJournal is a stored general-ledger journal.
type ManualJournal struct {
	ManualJournalID        string              `json:"ManualJournalID"`
	Narration              string              `json:"Narration"`
	Date                   msDate              `json:"Date"`
	Status                 string              `json:"Status"`
	LineAmountTypes        string              `json:"LineAmountTypes"`
	Url                    string              `json:"Url,omitempty"`
	ShowOnCashBasisReports bool                `json:"ShowOnCashBasisReports"`
	HasAttachments         bool                `json:"HasAttachments"`
	UpdatedDateUTC         msDate              `json:"UpdatedDateUTC"`
	JournalLines           []ManualJournalLine `json:"JournalLines"`

	StatusAttributeString string            `json:"StatusAttributeString,omitempty"`
	ValidationErrors      []ValidationError `json:"ValidationErrors,omitempty"`
	Warnings              []ValidationError `json:"Warnings,omitempty"`
}

// ManualJournalLine is one line: debits positive, credits negative.
type ManualJournalLine struct {
	LineAmount  money.Decimal `json:"LineAmount"`
	AccountCode string        `json:"AccountCode,omitempty"`
	AccountID   string        `json:"AccountID,omitempty"`
	Description string        `json:"Description,omitempty"`
	TaxType     string        `json:"TaxType,omitempty"`
	TaxAmount   money.Decimal `json:"TaxAmount"`
	Tracking    []Tracking    `json:"Tracking,omitempty"`
	IsBlank     bool          `json:"IsBlank"`
}

func (c *call) findManualJournal(id string) *ManualJournal {
	for _, j := range c.org.ManualJournals {
		if strings.EqualFold(j.ManualJournalID, id) {
			return j
		}
	}
	return nil
}

// getManualJournals answers one journal by id, or the list filtered by
// where and If-Modified-Since, paged by 100 when page is given.
func (c *call) getManualJournals() {
	if len(c.parts) == 2 {
		if j := c.findManualJournal(c.parts[1]); j != nil {
			c.ok("ManualJournals", []*ManualJournal{j}, nil)
			return
		}
		c.notFound()
		return
	}
	where, err := parseWhere(c.q.Get("where"))
	if err != nil {
		c.fail(http.StatusBadRequest, fieldErrors(err.Error()))
		return
	}
	since, hasSince := c.modifiedSince()
	var out []*ManualJournal
	for _, j := range c.org.ManualJournals {
		if (!hasSince || j.UpdatedDateUTC.After(since)) && matches(j, where) {
			out = append(out, j)
		}
	}
	page, info, err := pageOf(c, out)
	if err != nil {
		c.fail(http.StatusBadRequest, fieldErrors(err.Error()))
		return
	}
	c.ok("ManualJournals", nonNil(page), info)
}

// saveManualJournals creates journals (PUT or POST without an id); updates
// of stored journals are not simulated.
func (c *call) saveManualJournals() {
	if len(c.parts) == 2 {
		c.fail(http.StatusBadRequest, fieldErrors("Updating a manual journal is not supported by this simulator"))
		return
	}
	raws, maps, ok := c.decodeElements("ManualJournals", maxBatch)
	if !ok {
		return
	}
	res := &batchResult{}
	for i, raw := range raws {
		in := &ManualJournal{}
		if err := json.Unmarshal(raw, in); err != nil {
			res.add(&ManualJournal{StatusAttributeString: "ERROR", ValidationErrors: toMessages([]string{err.Error()})}, []string{err.Error()})
			continue
		}
		out, errs := c.saveManualJournal(in, maps[i])
		out.StatusAttributeString = statusString(errs)
		out.ValidationErrors = toMessages(errs)
		res.add(out, errs)
	}
	c.finish("ManualJournals", res)
}

// saveManualJournal applies Xero's rules: a narration, a known status, at
// least two lines on active accounts (not a bank account's system lines),
// line amounts with at most two decimals, and debits equal to credits.
func (c *call) saveManualJournal(in *ManualJournal, has map[string]any) (*ManualJournal, []string) {
	var errs []string
	if strings.TrimSpace(in.Narration) == "" {
		errs = append(errs, "Narration must be provided")
	}
	next := &ManualJournal{Narration: in.Narration, Status: in.Status, LineAmountTypes: in.LineAmountTypes, Url: in.Url, ShowOnCashBasisReports: true}
	if v, ok := has["ShowOnCashBasisReports"].(bool); ok {
		next.ShowOnCashBasisReports = v
	}
	if next.Status == "" {
		next.Status = "DRAFT"
	}
	if next.Status != "DRAFT" && next.Status != "POSTED" {
		errs = append(errs, "Manual journal Status must be DRAFT or POSTED when creating it")
	}
	if next.LineAmountTypes == "" {
		next.LineAmountTypes = "NoTax"
	}
	if _, ok := has["Date"]; !ok || in.Date.IsZero() {
		next.Date = day(c.s.now())
	} else {
		next.Date = day(in.Date.Time)
	}
	if len(in.JournalLines) < 2 {
		errs = append(errs, "A manual journal must have at least two journal lines")
	}
	debit, credit := money.Zero, money.Zero
	for i, l := range in.JournalLines {
		at := fmt.Sprintf("Journal line %d: ", i+1)
		if !l.LineAmount.Equal(l.LineAmount.Round(2)) {
			errs = append(errs, at+"LineAmount must have at most 2 decimal places")
		}
		var acct *Account
		switch {
		case l.AccountCode != "":
			acct = c.account(l.AccountCode)
		case l.AccountID != "":
			for _, a := range c.org.Accounts {
				if strings.EqualFold(a.AccountID, l.AccountID) && a.Status == "ACTIVE" {
					acct = a
				}
			}
		default:
			errs = append(errs, at+"Account code must be specified")
			continue
		}
		if acct == nil {
			errs = append(errs, at+"Account code '"+l.AccountCode+l.AccountID+"' is not a valid code for this document.")
			continue
		}
		if acct.SystemAccount == "DEBTORS" || acct.SystemAccount == "CREDITORS" {
			errs = append(errs, at+"Account code '"+acct.Code+"' is a system account and cannot be used in a manual journal")
		}
		if l.TaxType != "" && c.taxRate(l.TaxType) == nil {
			errs = append(errs, at+"The TaxType code '"+l.TaxType+"' does not exist or cannot be used for this type of transaction.")
		}
		tracking := append([]Tracking(nil), l.Tracking...)
		errs = append(errs, c.checkTracking(tracking, at)...)
		if l.LineAmount.Sign() > 0 {
			debit = debit.Add(l.LineAmount)
		} else {
			credit = credit.Sub(l.LineAmount)
		}
		next.JournalLines = append(next.JournalLines, ManualJournalLine{LineAmount: l.LineAmount.Round(2), AccountCode: acct.Code,
			AccountID: acct.AccountID, Description: l.Description, TaxType: orNone(l.TaxType), TaxAmount: money.Zero, Tracking: tracking})
	}
	if !debit.Equal(credit) {
		errs = append(errs, fmt.Sprintf("The total debits (%s) must equal total credits (%s)", debit.StringFixed(2), credit.StringFixed(2)))
	}
	if len(errs) > 0 {
		return in, errs
	}
	next.ManualJournalID = newID()
	next.UpdatedDateUTC = msDate{c.s.now()}
	c.org.ManualJournals = append(c.org.ManualJournals, next)
	out := *next
	return &out, nil
}

func orNone(taxType string) string {
	if taxType == "" {
		return "NONE"
	}
	return taxType
}
