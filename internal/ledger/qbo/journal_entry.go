package qbo

// Journal entry posting types.
const (
	PostingDebit  = "Debit"
	PostingCredit = "Credit"
)

// DetailJournalEntry is the DetailType of a journal entry line.
const DetailJournalEntry = "JournalEntryLineDetail"

// JournalEntry is a general-ledger journal. Its lines must balance: the
// Debit lines' amounts equal the Credit lines'. DocNumber (at most 21
// characters) is the journal number; QuickBooks keeps it unique only if the
// company asks it to warn about duplicates, so callers look theirs up.
type JournalEntry struct {
	ID           string    `json:"Id,omitempty"`
	SyncToken    string    `json:"SyncToken,omitempty"`
	MetaData     *MetaData `json:"MetaData,omitempty"`
	DocNumber    string    `json:"DocNumber,omitempty"`
	TxnDate      Date      `json:"TxnDate,omitzero"`
	PrivateNote  string    `json:"PrivateNote,omitempty"`
	CurrencyRef  Ref       `json:"CurrencyRef,omitzero"`
	ExchangeRate Amount    `json:"ExchangeRate,omitzero"`
	Adjustment   *bool     `json:"Adjustment,omitempty"`
	Line         []Line    `json:"Line,omitempty"`
	TotalAmt     Amount    `json:"TotalAmt,omitzero"`
}

func (JournalEntry) EntityName() string { return "JournalEntry" }
func (j JournalEntry) ref() string      { return j.DocNumber }

// JournalEntryLineDetail is the detail of a journal entry line.
type JournalEntryLineDetail struct {
	PostingType   string `json:"PostingType"` // Debit or Credit
	AccountRef    Ref    `json:"AccountRef"`
	ClassRef      Ref    `json:"ClassRef,omitzero"`
	DepartmentRef Ref    `json:"DepartmentRef,omitzero"`
}

// JournalLine returns a journal entry line of amount to account, a debit
// or a credit, optionally in a class.
func JournalLine(description, postingType, account, class string, amount Amount) Line {
	d := &JournalEntryLineDetail{PostingType: postingType, AccountRef: Ref{Value: account}}
	if class != "" {
		d.ClassRef = Ref{Value: class}
	}
	return Line{Description: description, Amount: amount, DetailType: DetailJournalEntry, JournalEntryLineDetail: d}
}
