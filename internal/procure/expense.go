package procure

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/money"
	"github.com/billbridge/billbridge/internal/store"
)

// Expenses: every Autotask expense report approved for payment in the
// window becomes one supplier bill payable to the employee who submitted
// it — in Xero an ACCPAY bill to a contact for the employee, in QuickBooks
// Online a Bill to a Vendor for the employee (a QuickBooks Bill's VendorRef
// must be a Vendor; it cannot name an Employee). The bill's reference and
// number are "EXP-<report id>"; it is found by that number and the contact.
//
// One line per reimbursable expense item: date, description, the expense
// category's account and tax code (Mappings: posting links of kind
// "category", keyed by Autotask's expense category value), billable or not.
// Items paid by company card (not reimbursable) are left off the payable and
// listed in the bill's notes; rejected items are left out. Amounts are the
// reimbursement amounts in the report's reimbursement currency, with
// Autotask's exchange rate. A billable expense is recharged to the customer
// on an Autotask invoice, which the invoice sync books as revenue; its line
// here books only the cost (the expense account), never income, and is not
// marked billable in the ledger, so the ledger does not offer to invoice it
// a second time.

// ExpenseSettings are a profile's expense choices.
type ExpenseSettings struct {
	// CreateEmployees creates a ledger contact (Xero) or vendor (QuickBooks)
	// for an employee with none, named as in Autotask.
	CreateEmployees bool `json:"createEmployees"`
}

// ExpenseEngine bills one profile's approved expense reports.
type ExpenseEngine struct {
	Store        *store.Store
	Autotask     *autotask.Client
	Ledger       Ledger // bills and their payees: the procurement ledger
	ProfileID    int64
	Organisation string
	Settings     ExpenseSettings
	Window       Window // by the report's approved date
	Log          *slog.Logger
}

// ExpenseSnapshot is what PlanExpenses needs from Autotask.
type ExpenseSnapshot struct {
	Reports    []autotask.ExpenseReport
	Items      map[int64][]autotask.ExpenseItem // by report id
	Resources  map[int64]autotask.Resource
	Currencies map[int64]autotask.Currency
}

// PullExpenses reads the reports approved in the window with their items,
// submitters and currencies.
func PullExpenses(ctx context.Context, c *autotask.Client, w Window) (*ExpenseSnapshot, error) {
	reports, err := c.ApprovedExpenseReports(ctx, day(w.From), day(w.Thru).AddDate(0, 0, 1))
	if err != nil {
		return nil, fmt.Errorf("procure: pull expense reports: %w", err)
	}
	s := &ExpenseSnapshot{Reports: reports, Items: map[int64][]autotask.ExpenseItem{}}
	ids := make([]int64, len(reports))
	for i, r := range reports {
		ids[i] = r.ID
	}
	items, err := autotask.QueryIn[autotask.ExpenseItem](ctx, c, autotask.EntityExpenseItems, "expenseReportID", ids, autotask.Query{})
	if err != nil {
		return nil, fmt.Errorf("procure: pull expense items: %w", err)
	}
	for _, it := range items {
		s.Items[deref(it.ExpenseReportID)] = append(s.Items[deref(it.ExpenseReportID)], it)
	}
	res, err := autotask.QueryIn[autotask.Resource](ctx, c, autotask.EntityResources, "id",
		idsOf(reports, func(r autotask.ExpenseReport) *int64 { return r.SubmitterID }), autotask.Query{})
	if err != nil {
		return nil, fmt.Errorf("procure: pull employees: %w", err)
	}
	s.Resources = byID(res, func(v autotask.Resource) int64 { return v.ID })
	if len(reports) > 0 {
		if s.Currencies, err = pullCurrencies(ctx, c); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// ExpensePlanInput is everything PlanExpenses reads; it does no I/O.
type ExpensePlanInput struct {
	Snapshot      *ExpenseSnapshot
	Settings      ExpenseSettings
	Vendors       []Vendor                  // the ledger's contacts / vendors
	EmployeeLinks map[int64]string          // stored: resource id → ledger contact / vendor id
	Categories    map[int]store.PostingLink // stored: expense category → account, tax code
	Covered       map[string]bool           // references already sending or sent
}

// PlanExpenses makes one bill per approved report not yet in the ledger.
func PlanExpenses(in ExpensePlanInput) []Planned {
	byName := map[string]Vendor{}
	for _, v := range in.Vendors {
		byName[strings.ToLower(strings.TrimSpace(v.Name))] = v
	}
	var out []Planned
	for _, r := range in.Snapshot.Reports {
		ref := "EXP-" + strconv.FormatInt(r.ID, 10)
		if in.Covered[ref] {
			out = append(out, Planned{Bill: Bill{Reference: ref, Number: ref}, Action: ActionSkip, Notes: []string{ref + " is already in the ledger"}})
			continue
		}
		out = append(out, planReport(in, r, ref, byName))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Bill.Reference < out[j].Bill.Reference })
	return out
}

func planReport(in ExpensePlanInput, r autotask.ExpenseReport, ref string, byName map[string]Vendor) Planned {
	s := in.Snapshot
	p := Planned{Action: ActionSend}
	b := &p.Bill
	b.Reference, b.Number = ref, ref
	b.Date = day(firstTime(r.ApprovedDate, r.SubmitDate, r.WeekEnding))
	b.DueDate = b.Date
	label := fmt.Sprintf("Expense report %s (%s)", ref, orDefault(r.Name, "no name"))

	// The employee is the payee.
	person, ok := s.Resources[deref(r.SubmitterID)]
	name := strings.TrimSpace(strings.Join(nonEmpty(person.FirstName, person.LastName), " "))
	b.VendorCompanyID, b.VendorName, b.VendorNumber = person.ID, name, ""
	switch v, linked := byName[strings.ToLower(name)]; {
	case !ok || name == "":
		p.Problems = append(p.Problems, Problem{ProblemEmployeeMissing, label + ": the report has no submitter Billbridge can read",
			"Check the report's resource in Autotask (the API user must be allowed to read Resources), then preview again."})
	case in.EmployeeLinks[person.ID] != "":
		b.VendorID = in.EmployeeLinks[person.ID]
	case linked:
		b.VendorID = v.ID
		p.Notes = append(p.Notes, fmt.Sprintf("employee %q is the ledger contact of that exact name", name))
	case in.Settings.CreateEmployees:
		p.CreateVendor = true
		p.Notes = append(p.Notes, fmt.Sprintf("employee %q is created in the ledger as a supplier", name))
	default:
		p.Problems = append(p.Problems, Problem{ProblemEmployeeMissing,
			fmt.Sprintf("%s: employee %q has no ledger contact to pay", label, name),
			"Link the employee to a ledger contact (Xero) or vendor (QuickBooks) in Mappings, or allow Billbridge to create missing employees."})
	}

	// Currency: the report's reimbursement currency, at Autotask's rate.
	b.Currency, b.ExchangeRate = currencyFor(s.Currencies, r.ReimbursementCurrencyID)
	minor := minorUnits(b.Currency)
	b.Memo = fmt.Sprintf("%s, approved %s", orDefault(r.Name, "Expense report"), b.Date.Format(time.DateOnly))

	items := s.Items[r.ID]
	sort.Slice(items, func(i, j int) bool { return items[i].ID < items[j].ID })
	for _, it := range items {
		if it.IsRejected {
			continue
		}
		date := it.ExpenseDate.UTC().Format(time.DateOnly)
		if !it.IsReimbursable {
			p.Notes = append(p.Notes, fmt.Sprintf("item %d (%s, %s, %s) was paid by the company, not the employee: left off the payable",
				it.ID, date, it.Description, it.InternalCurrencyExpenseAmount.StringFixed(2)))
			continue
		}
		amount := it.ReimbursementCurrencyReimbursementAmount
		if amount.IsZero() && b.ExchangeRate.IsZero() {
			amount = it.InternalCurrencyReimbursementAmount
		}
		l := BillLine{Quantity: money.FromInt(1), UnitCost: amount.Round(minor), Amount: amount.Round(minor)}
		if amount.Sign() <= 0 {
			p.Problems = append(p.Problems, Problem{ProblemAmountMissing,
				fmt.Sprintf("%s: item %d (%s) has no reimbursement amount", label, it.ID, orDefault(it.Description, date)),
				"Enter the amount on the expense item in Autotask (or reject the item), then preview again."})
		}
		if link, ok := in.Categories[it.ExpenseCategory]; ok && link.Target != "" {
			l.Account, l.TaxCode = link.Target, link.Target2
		} else {
			p.Problems = append(p.Problems, Problem{ProblemUnmappedCategory,
				fmt.Sprintf("%s: expense category %d (item %d, %s) has no ledger account", label, it.ExpenseCategory, it.ID, orDefault(it.GlCode, it.Description)),
				"Map the expense category to an expense account (and tax code) in Mappings › Expenses, then preview again."})
		}
		billable := "non-billable"
		if it.IsBillableToCompany {
			billable = "billable: recharged on the customer's Autotask invoice; cost only here"
		}
		l.Description = fmt.Sprintf("%s %s (%s)", date, orDefault(it.Description, it.GlCode), billable)
		if it.Miles.Sign() > 0 {
			l.Description += fmt.Sprintf(", %s miles", it.Miles.String())
		}
		b.Lines = append(b.Lines, l)
	}
	if len(b.Lines) == 0 && len(p.Problems) == 0 {
		p.Action = ActionNone
		p.Notes = append(p.Notes, "nothing is owed to the employee on this report (every item was paid by the company or rejected)")
	}
	p.Hash = hashOf(*b)
	return p
}

// journal is the organisation's expense bills; a bill is looked up by its
// employee's ledger party and number.
func (e *ExpenseEngine) journal() journal[store.PostingEntry] {
	j := postingJournal(e.Store, e.ProfileID, e.Organisation, store.PostingExpense)
	j.what, j.lookup, j.log = store.PostingExpense, "postings", e.Log
	j.refused = postingRefused
	j.find = func(ctx context.Context, rows []store.PostingEntry) (map[string]string, error) {
		refs, references := make([]BillRef, len(rows)), make([]string, len(rows))
		for i, r := range rows {
			refs[i], references[i] = BillRef{VendorID: r.PartyID, Number: r.Number}, r.Reference
		}
		return findBills(ctx, e.Ledger, references, refs)
	}
	return j
}

func (e *ExpenseEngine) plan(ctx context.Context) ([]Planned, error) {
	snap, err := PullExpenses(ctx, e.Autotask, e.Window)
	if err != nil {
		return nil, err
	}
	in := ExpensePlanInput{Snapshot: snap, Settings: e.Settings, EmployeeLinks: map[int64]string{}}
	if in.Vendors, err = e.Ledger.Vendors(ctx); err != nil {
		return nil, fmt.Errorf("procure: ledger contacts: %w", err)
	}
	people, err := postingLinks[int64](ctx, e.Store, e.ProfileID, e.Organisation, store.PostingLinkEmployee)
	if err != nil {
		return nil, err
	}
	for id, l := range people {
		in.EmployeeLinks[id] = l.Target
	}
	if in.Categories, err = postingLinks[int](ctx, e.Store, e.ProfileID, e.Organisation, store.PostingLinkCategory); err != nil {
		return nil, err
	}
	if in.Covered, err = e.journal().covered(ctx); err != nil {
		return nil, err
	}
	return PlanExpenses(in), nil
}

// Preview plans the window and sends nothing.
func (e *ExpenseEngine) Preview(ctx context.Context) (PostingSummary, error) {
	bills, err := e.plan(ctx)
	sum := postingSummary("expenses", preview(bills))
	sum.Bills = bills
	return sum, err
}

// Run resolves bills an earlier run left 'sending', plans the window,
// creates missing employees when allowed, and sends the bills.
func (e *ExpenseEngine) Run(ctx context.Context) (PostingSummary, error) {
	f := flow[Planned, *Planned, store.PostingEntry]{journal: e.journal(), batch: e.Ledger.BatchSize(), entry: e.entry,
		create: func(ctx context.Context, ps []*Planned, key string) ([]Result, error) {
			return e.Ledger.CreateBills(ctx, docsOf(ps, billOf), key)
		},
		payee: func(p *Planned) payee { return p.payee("Expense report") },
		ready: e.saveEmployees}
	bills, t, err := f.run(ctx, e.plan)
	sum := postingSummary("expenses", t)
	sum.Bills = bills
	return sum, err
}

// entry is an expense bill's journal row as it is sent.
func (e *ExpenseEngine) entry(p *Planned) store.PostingEntry {
	id, _ := strconv.ParseInt(strings.TrimPrefix(p.Bill.Reference, "EXP-"), 10, 64)
	return store.PostingEntry{ProfileID: e.ProfileID, Organisation: e.Organisation, Reference: p.Bill.Reference,
		Kind: store.PostingExpense, SourceID: id, State: store.ProcureSending, PartyID: p.Bill.VendorID, Number: p.Bill.Number,
		IdempotencyKey: postingKey(e.ProfileID, e.Organisation, e.Ledger.Kind(), p.Bill.Reference, p.Hash),
		ContentHash:    p.Hash, Currency: p.Bill.Currency, Total: p.Bill.Total(), Payload: payloadOf(p.Bill)}
}

// saveEmployees links employees found by exact name and creates the
// missing ones when allowed; every link is stored.
func (e *ExpenseEngine) saveEmployees(ctx context.Context, ps []payee, t *tally) error {
	ids, err := createParties(ctx, e.Ledger, e.Log, employees, ps, strconv.FormatInt(e.ProfileID, 10), e.Organisation, "employees")
	if err != nil {
		return err
	}
	t.created += len(ids)
	for _, p := range ps {
		if *p.id != "" {
			ids[p.source] = *p.id
		}
	}
	var links []store.PostingLink
	for id, v := range ids {
		links = append(links, store.PostingLink{Kind: store.PostingLinkEmployee, SourceKey: strconv.FormatInt(id, 10), Target: v})
	}
	for _, p := range ps {
		if *p.id == "" {
			*p.id = ids[p.source]
		}
		if *p.id == "" {
			*p.problems = append(*p.problems, Problem{ProblemEmployeeMissing,
				fmt.Sprintf("%s: the ledger did not accept employee %q as a supplier", p.label, p.vendor.Name),
				"Read the log for the ledger's reason (QuickBooks refuses a vendor named like an existing employee or customer), link the employee to a contact in Mappings, and run again."})
		}
	}
	if len(links) == 0 {
		return nil
	}
	return e.Store.SavePostingLinks(ctx, e.ProfileID, e.Organisation, links)
}

func postingRefused(en store.PostingEntry, err error) string {
	return fmt.Sprintf("%s: the ledger refused it: %s", en.Reference, err)
}
