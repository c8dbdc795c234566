package generate

import (
	"time"

	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

// inventoryMoves adds the month's stock movements, after everything else so
// the invoices' random draws stay as they were: a stocktake that finds one
// unit short in the main warehouse (Autotask records an on-hand adjustment as
// a transfer from and to the same location) and two units moved into the
// engineer's van stock.
func (g *gen) inventoryMoves() {
	vans := g.d["InventoryLocations"]
	if len(vans) < 2 || len(g.ref.products) == 0 {
		return
	}
	main, van := g.ref.invLocation, vans[1]["id"]
	p := g.ref.products[0]
	g.add("InventoryTransfers", autotasksim.Record{"id": n(g.next("InventoryTransfers")), "fromLocationID": n(main), "toLocationID": n(main),
		"productID": n(p.id), "quantityTransferred": n(-1), "transferByResourceID": n(g.ref.resources[1]),
		"transferDate": ts(g.start.AddDate(0, 0, 27).Add(16 * time.Hour)), "notes": "Stocktake: one unit short", "serialNumber": "", "updateNote": ""})
	g.add("InventoryTransfers", autotasksim.Record{"id": n(g.next("InventoryTransfers")), "fromLocationID": n(main), "toLocationID": van,
		"productID": n(p.id), "quantityTransferred": n(2), "transferByResourceID": n(g.ref.resources[0]),
		"transferDate": ts(g.start.AddDate(0, 0, 20).Add(9 * time.Hour)), "notes": "Van restock", "serialNumber": "", "updateNote": ""})
}
