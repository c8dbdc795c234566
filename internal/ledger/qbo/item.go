package qbo

// Item types Billbridge creates (ItemTypeEnum in Intuit's XSD also has
// Category, Group, Bundle and others, which are read but not created).
const (
	ItemService      = "Service"
	ItemNonInventory = "NonInventory"
	ItemInventory    = "Inventory"
	ItemCategory     = "Category"
)

// Item is a product or service sold or bought. A Service or NonInventory
// item needs IncomeAccountRef to be sold and ExpenseAccountRef to be bought;
// an Inventory item also needs AssetAccountRef, QtyOnHand and InvStartDate
// (and TrackQtyOnHand true). Name is unique among items; ":" in it denotes a
// sub-item.
type Item struct {
	ID                 string    `json:"Id,omitempty"`
	SyncToken          string    `json:"SyncToken,omitempty"`
	MetaData           *MetaData `json:"MetaData,omitempty"`
	Name               string    `json:"Name,omitempty"`
	FullyQualifiedName string    `json:"FullyQualifiedName,omitempty"`
	Sku                string    `json:"Sku,omitempty"`
	Description        string    `json:"Description,omitempty"`
	PurchaseDesc       string    `json:"PurchaseDesc,omitempty"`
	Type               string    `json:"Type,omitempty"`
	Active             *bool     `json:"Active,omitempty"`
	Taxable            *bool     `json:"Taxable,omitempty"`
	UnitPrice          Amount    `json:"UnitPrice,omitzero"`
	PurchaseCost       Amount    `json:"PurchaseCost,omitzero"`
	IncomeAccountRef   Ref       `json:"IncomeAccountRef,omitzero"`
	ExpenseAccountRef  Ref       `json:"ExpenseAccountRef,omitzero"`
	AssetAccountRef    Ref       `json:"AssetAccountRef,omitzero"`
	TrackQtyOnHand     *bool     `json:"TrackQtyOnHand,omitempty"`
	QtyOnHand          Amount    `json:"QtyOnHand,omitzero"`
	InvStartDate       Date      `json:"InvStartDate,omitzero"`
	SalesTaxCodeRef    Ref       `json:"SalesTaxCodeRef,omitzero"`
	PurchaseTaxCodeRef Ref       `json:"PurchaseTaxCodeRef,omitzero"`
	ClassRef           Ref       `json:"ClassRef,omitzero"`
	ParentRef          Ref       `json:"ParentRef,omitzero"`
	SubItem            *bool     `json:"SubItem,omitempty"`
}

func (Item) EntityName() string { return "Item" }
func (i Item) ref() string      { return i.Name }
