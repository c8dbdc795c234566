package exactsim

import (
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// MarkPaid records a customer payment of amount on the receivable of the
// sales entry or invoice numbered invoiceNumber in division, as the
// bookkeeper matching a bank line would. LastPaymentDate becomes paidOn;
// the receivable is fully paid (IsFullyPaid, Status 50 matched) once the
// payments reach its amount, and stays open when they do not. It is a test
// and demo hook, not part of Exact's API.
func (s *Server) MarkPaid(division, invoiceNumber int, amount money.Decimal, paidOn time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.st.Divisions[division]
	if d == nil {
		return fmt.Errorf("exactsim: mark paid: no division %d", division)
	}
	if amount.Sign() <= 0 {
		return fmt.Errorf("exactsim: mark paid: amount %s is not positive", amount)
	}
	for _, r := range d.Tables["Receivable"] {
		if r.int("InvoiceNumber") != int64(invoiceNumber) {
			continue
		}
		if b, _ := r["IsFullyPaid"].(bool); b {
			return fmt.Errorf("exactsim: mark paid: invoice %d is already fully paid", invoiceNumber)
		}
		paid := r.dec("_paid").Add(amount)
		r["_paid"], r["LastPaymentDate"], r["Modified"] = paid, paidOn.UTC(), s.now()
		if paid.Cmp(r.dec("AmountDC").Abs()) >= 0 {
			r["IsFullyPaid"], r["Status"], r["EndDate"] = true, int64(50), paidOn.UTC()
		}
		d.touch(r)
		s.persistLocked()
		return nil
	}
	return fmt.Errorf("exactsim: mark paid: no receivable for invoice %d in division %d", invoiceNumber, division)
}
