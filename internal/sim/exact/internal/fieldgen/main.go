// Command fieldgen derives the Exact simulator's fields.json from the picqer
// entity list. Run it from the repository root when the spec changes:
//
//	go run ./internal/sim/exact/internal/fieldgen ../shared/specs/exact/picqer-entities.json internal/sim/exact/fields.json
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/billbridge/billbridge/internal/sim/exact/internal/fieldspec"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: fieldgen picqer-entities.json OUT.json")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "fieldgen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	f, err := fieldspec.Derive(raw)
	if err != nil {
		return err
	}
	b, err := json.Marshal(f)
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(b, '\n'), 0o644)
}
