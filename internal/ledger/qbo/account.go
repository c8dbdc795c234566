package qbo

// Account types Billbridge uses (AccountTypeEnum in Intuit's XSD).
const (
	AccountIncome           = "Income"
	AccountOtherIncome      = "Other Income"
	AccountExpense          = "Expense"
	AccountCostOfGoodsSold  = "Cost of Goods Sold"
	AccountAccountsRecv     = "Accounts Receivable"
	AccountOtherCurrentAsst = "Other Current Asset"
	AccountBank             = "Bank"
)

// Account is a ledger account of the chart of accounts.
type Account struct {
	ID                 string    `json:"Id,omitempty"`
	SyncToken          string    `json:"SyncToken,omitempty"`
	MetaData           *MetaData `json:"MetaData,omitempty"`
	Name               string    `json:"Name,omitempty"`
	FullyQualifiedName string    `json:"FullyQualifiedName,omitempty"`
	AcctNum            string    `json:"AcctNum,omitempty"`
	Description        string    `json:"Description,omitempty"`
	Active             *bool     `json:"Active,omitempty"`
	Classification     string    `json:"Classification,omitempty"` // Asset, Liability, Equity, Revenue, Expense
	AccountType        string    `json:"AccountType,omitempty"`
	AccountSubType     string    `json:"AccountSubType,omitempty"`
	CurrencyRef        Ref       `json:"CurrencyRef,omitzero"`
	TaxCodeRef         Ref       `json:"TaxCodeRef,omitzero"`
	SubAccount         *bool     `json:"SubAccount,omitempty"`
	ParentRef          Ref       `json:"ParentRef,omitzero"`
}

func (Account) EntityName() string { return "Account" }
func (a Account) ref() string      { return a.Name }

// Class is a tracking category set on lines (ClassRef), when class tracking
// is on in the company.
type Class struct {
	ID                 string    `json:"Id,omitempty"`
	SyncToken          string    `json:"SyncToken,omitempty"`
	MetaData           *MetaData `json:"MetaData,omitempty"`
	Name               string    `json:"Name,omitempty"`
	FullyQualifiedName string    `json:"FullyQualifiedName,omitempty"`
	Active             *bool     `json:"Active,omitempty"`
	SubClass           *bool     `json:"SubClass,omitempty"`
	ParentRef          Ref       `json:"ParentRef,omitzero"`
}

func (Class) EntityName() string { return "Class" }
func (c Class) ref() string      { return c.Name }

// Department is a location (QuickBooks' "location tracking"), set on a whole
// transaction (DepartmentRef).
type Department struct {
	ID                 string    `json:"Id,omitempty"`
	SyncToken          string    `json:"SyncToken,omitempty"`
	MetaData           *MetaData `json:"MetaData,omitempty"`
	Name               string    `json:"Name,omitempty"`
	FullyQualifiedName string    `json:"FullyQualifiedName,omitempty"`
	Active             *bool     `json:"Active,omitempty"`
	SubDepartment      *bool     `json:"SubDepartment,omitempty"`
	ParentRef          Ref       `json:"ParentRef,omitzero"`
}

func (Department) EntityName() string { return "Department" }
func (d Department) ref() string      { return d.Name }
