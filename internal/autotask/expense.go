// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

import (
	"context"
	"time"

	"github.com/billbridge/billbridge/internal/money"
)

// ExpenseReport is a resource's expense report. Entity: ExpenseReports.
type ExpenseReport struct {
	ID                                     int64         `json:"id"`
	AmountDue                              money.Decimal `json:"amountDue"`
	ApprovedDate                           Time          `json:"approvedDate"`
	ApproverID                             *int64        `json:"approverID"`
	DepartmentNumber                       string        `json:"departmentNumber"`
	InternalCurrencyCashAdvanceAmount      money.Decimal `json:"internalCurrencyCashAdvanceAmount"`
	InternalCurrencyExpenseTotal           money.Decimal `json:"internalCurrencyExpenseTotal"`
	Name                                   string        `json:"name"`
	OrganizationalLevelAssociationID       *int64        `json:"organizationalLevelAssociationID"`
	QuickBooksReferenceNumber              string        `json:"quickBooksReferenceNumber"`
	ReimbursementCurrencyAmountDue         money.Decimal `json:"reimbursementCurrencyAmountDue"`
	ReimbursementCurrencyCashAdvanceAmount money.Decimal `json:"reimbursementCurrencyCashAdvanceAmount"`
	ReimbursementCurrencyID                *int64        `json:"reimbursementCurrencyID"`
	RejectionReason                        string        `json:"rejectionReason"`
	Status                                 int           `json:"status"`
	Submit                                 bool          `json:"submit"`
	SubmitDate                             Time          `json:"submitDate"`
	SubmitterID                            *int64        `json:"submitterID"`
	WeekEnding                             Time          `json:"weekEnding"`
}

// ExpenseItem is one expense on a report; billable ones become billing items.
// Entity: ExpenseItems.
type ExpenseItem struct {
	ID                                       int64         `json:"id"`
	CompanyID                                *int64        `json:"companyID"`
	Description                              string        `json:"description"`
	Destination                              string        `json:"destination"`
	EntertainmentLocation                    string        `json:"entertainmentLocation"`
	ExpenseCategory                          int           `json:"expenseCategory"`
	ExpenseCurrencyExpenseAmount             money.Decimal `json:"expenseCurrencyExpenseAmount"`
	ExpenseCurrencyID                        *int64        `json:"expenseCurrencyID"`
	ExpenseDate                              Time          `json:"expenseDate"`
	ExpenseReportID                          *int64        `json:"expenseReportID"`
	GlCode                                   string        `json:"glCode"`
	HaveReceipt                              bool          `json:"haveReceipt"`
	InternalCurrencyExpenseAmount            money.Decimal `json:"internalCurrencyExpenseAmount"`
	InternalCurrencyReimbursementAmount      money.Decimal `json:"internalCurrencyReimbursementAmount"`
	IsBillableToCompany                      bool          `json:"isBillableToCompany"`
	IsReimbursable                           bool          `json:"isReimbursable"`
	IsRejected                               bool          `json:"isRejected"`
	Miles                                    money.Decimal `json:"miles"`
	OdometerEnd                              money.Decimal `json:"odometerEnd"`
	OdometerStart                            money.Decimal `json:"odometerStart"`
	Origin                                   string        `json:"origin"`
	PaymentType                              int           `json:"paymentType"`
	ProjectID                                *int64        `json:"projectID"`
	PurchaseOrderNumber                      string        `json:"purchaseOrderNumber"`
	ReimbursementCurrencyReimbursementAmount money.Decimal `json:"reimbursementCurrencyReimbursementAmount"`
	TaskID                                   *int64        `json:"taskID"`
	TicketID                                 *int64        `json:"ticketID"`
	WorkType                                 int           `json:"workType"`
}

// Expense report statuses, in the order of Autotask's picklist (In
// Progress, Awaiting Approval, Approved for Payment, Rejected, Paid,
// Transferred to QuickBooks).
const (
	ExpenseReportInProgress  = 1
	ExpenseReportAwaiting    = 2
	ExpenseReportApproved    = 3
	ExpenseReportRejected    = 4
	ExpenseReportPaid        = 5
	ExpenseReportTransferred = 6
)

// ApprovedExpenseReports reads the reports approved for payment whose
// approvedDate is on or after from and before to.
func (c *Client) ApprovedExpenseReports(ctx context.Context, from, to time.Time) ([]ExpenseReport, error) {
	return QueryAll[ExpenseReport](ctx, c, EntityExpenseReports, Query{Filter: []Filter{
		Eq("status", ExpenseReportApproved), Gte("approvedDate", from.UTC()), Lt("approvedDate", to.UTC())}})
}
