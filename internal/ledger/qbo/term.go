package qbo

// Term is a payment term such as "Net 30". Type is "STANDARD" (DueDays) or
// "DATE_DRIVEN" (DayOfMonthDue).
type Term struct {
	ID            string    `json:"Id,omitempty"`
	SyncToken     string    `json:"SyncToken,omitempty"`
	MetaData      *MetaData `json:"MetaData,omitempty"`
	Name          string    `json:"Name,omitempty"`
	Active        *bool     `json:"Active,omitempty"`
	Type          string    `json:"Type,omitempty"`
	DueDays       int       `json:"DueDays,omitempty"`
	DayOfMonthDue int       `json:"DayOfMonthDue,omitempty"`
}

func (Term) EntityName() string { return "Term" }
func (t Term) ref() string      { return t.Name }
