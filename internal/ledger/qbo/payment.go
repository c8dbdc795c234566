package qbo

// Payment is money received from a customer. Billbridge reads payments (by
// query or ChangedSince) to mark Autotask invoices paid; each Line pays the
// transactions in its LinkedTxn.
type Payment struct {
	ID                  string    `json:"Id,omitempty"`
	SyncToken           string    `json:"SyncToken,omitempty"`
	MetaData            *MetaData `json:"MetaData,omitempty"`
	TxnDate             Date      `json:"TxnDate,omitzero"`
	CustomerRef         Ref       `json:"CustomerRef,omitzero"`
	CurrencyRef         Ref       `json:"CurrencyRef,omitzero"`
	ExchangeRate        Amount    `json:"ExchangeRate,omitzero"`
	TotalAmt            Amount    `json:"TotalAmt,omitzero"`
	UnappliedAmt        Amount    `json:"UnappliedAmt,omitzero"`
	PaymentRefNum       string    `json:"PaymentRefNum,omitempty"`
	PrivateNote         string    `json:"PrivateNote,omitempty"`
	DepositToAccountRef Ref       `json:"DepositToAccountRef,omitzero"`
	PaymentMethodRef    Ref       `json:"PaymentMethodRef,omitzero"`
	Line                []Line    `json:"Line,omitempty"`
}

func (Payment) EntityName() string { return "Payment" }
func (p Payment) ref() string      { return p.PaymentRefNum }

// Applied sums, per transaction id, what the payment's lines pay of
// transactions of txnType (e.g. "Invoice").
func (p Payment) Applied(txnType string) map[string]Amount {
	out := map[string]Amount{}
	for _, l := range p.Line {
		for _, lt := range l.LinkedTxn {
			if lt.TxnType == txnType {
				out[lt.TxnID] = out[lt.TxnID].Add(l.Amount)
			}
		}
	}
	return out
}
