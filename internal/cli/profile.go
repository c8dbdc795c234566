package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/connect"
	"github.com/billbridge/billbridge/internal/secrets"
	"github.com/billbridge/billbridge/internal/store"
)

// runProfile manages profiles headless, as the Connections and Mappings
// screens do:
//
//	billbridge profile list
//	billbridge profile create NAME
//	billbridge profile autotask --profile NAME --user EMAIL   (secret and integration code on stdin, one a line)
//	billbridge profile test --profile NAME
//	billbridge profile map --profile NAME [--kind billing-code|tax|customer]   (accepts every suggestion)
//	billbridge profile delete NAME
//
// Secrets are read from standard input, never from the command line, where
// other users and shell histories would see them.
func runProfile(ctx context.Context, args []string, env *Env) error {
	if len(args) == 0 {
		return usageErr("profile needs a subcommand: list, create, autotask, test, map or delete")
	}
	st, err := store.Open(ctx, env.DataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	switch args[0] {
	case "list":
		return profileList(ctx, st, env)
	case "create":
		if len(args) != 2 {
			return usageErr("profile create NAME")
		}
		p := store.Profile{Name: args[1]}
		if err := st.CreateProfile(ctx, &p); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Created profile %q (id %d)\n", p.Name, p.ID)
		return nil
	case "delete":
		if len(args) != 2 {
			return usageErr("profile delete NAME")
		}
		p, err := profileNamed(ctx, st, args[1])
		if err != nil {
			return err
		}
		if err := env.Secrets.DeleteProfile(p.ID); err != nil {
			return err
		}
		if err := st.DeleteProfile(ctx, p.ID); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Deleted profile %q and its keychain entries\n", p.Name)
		return nil
	case "autotask":
		return profileAutotask(ctx, st, args[1:], env)
	case "test":
		return profileTest(ctx, st, args[1:], env)
	case "map":
		return profileMap(ctx, st, args[1:], env)
	}
	return usageErr("unknown profile subcommand %q (list, create, autotask, test, map, delete)", args[0])
}

func profileList(ctx context.Context, st *store.Store, env *Env) error {
	ps, err := st.Profiles(ctx)
	if err != nil {
		return err
	}
	if len(ps) == 0 {
		fmt.Fprintln(env.Stdout, "No profiles. Create one with: billbridge profile create NAME")
		return nil
	}
	for _, p := range ps {
		ledger := "no ledger"
		if p.LedgerKind != "" {
			ledger = p.LedgerKind + " · " + p.LedgerTenantName
		}
		at := "no Autotask user"
		if p.AutotaskUsername != "" {
			at = "Autotask " + p.AutotaskUsername
		}
		fmt.Fprintf(env.Stdout, "%-32s %-40s %s\n", p.Name, at, ledger)
	}
	return nil
}

// profileAutotask saves the API user on the profile and the secret and the
// integration code (read from stdin) in the keychain.
func profileAutotask(ctx context.Context, st *store.Store, args []string, env *Env) error {
	fs := simFlags("profile autotask", env)
	name := fs.String("profile", "", "profile `name`")
	user := fs.String("user", "", "the API user's user name (its e-mail address)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *name == "" || *user == "" {
		return usageErr("profile autotask --profile NAME --user EMAIL, with the secret and the integration code on stdin")
	}
	p, err := profileNamed(ctx, st, *name)
	if err != nil {
		return err
	}
	secret, code, err := readTwoLines(env.Stdin)
	if err != nil {
		return err
	}
	if err := env.Secrets.Set(p.ID, secrets.AutotaskSecret, secret); err != nil {
		return err
	}
	if err := env.Secrets.Set(p.ID, secrets.AutotaskIntegrationCode, code); err != nil {
		return err
	}
	u, empty := strings.TrimSpace(*user), ""
	if _, err := st.UpdateProfile(ctx, p.ID, store.ProfileUpdate{AutotaskUsername: &u, AutotaskZoneURL: &empty}); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Saved the Autotask API user %s; the secret and integration code are in the keychain\n", u)
	return nil
}

func readTwoLines(r io.Reader) (string, string, error) {
	if r == nil {
		r = os.Stdin
	}
	sc := bufio.NewScanner(r)
	var lines []string
	for len(lines) < 2 && sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) < 2 {
		return "", "", apperr.New(apperr.Invalid, "The Autotask secret and integration code were not on standard input",
			"Pass them on two lines, e.g. printf '%s\\n%s\\n' \"$SECRET\" \"$CODE\" | billbridge profile autotask --profile NAME --user EMAIL")
	}
	return lines[0], lines[1], nil
}

func profileTest(ctx context.Context, st *store.Store, args []string, env *Env) error {
	fs := simFlags("profile test", env)
	name := fs.String("profile", "", "profile `name`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	p, err := profileNamed(ctx, st, *name)
	if err != nil {
		return err
	}
	at, err := connect.Autotask(ctx, env.connectDeps(st), p)
	if err != nil {
		return err
	}
	info, err := at.TestConnection(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Autotask: %s; the API user sees %d invoices, %d companies, %d billing items; %d of %d requests used\n",
		info.ZoneName, info.Invoices, info.Companies, info.BillingItems, info.Threshold.Used, info.Threshold.Limit)
	if p.LedgerKind == "" {
		fmt.Fprintln(env.Stdout, "Ledger: not connected (connect it in the app's Connections screen)")
		return nil
	}
	if _, err := connect.Ledger(ctx, env.connectDeps(st), p); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Ledger: %s · %s connected\n", p.LedgerKind, p.LedgerTenantName)
	return nil
}

// profileMap accepts every mapping suggestion, as "Accept all suggestions"
// does, and prints the coverage.
func profileMap(ctx context.Context, st *store.Store, args []string, env *Env) error {
	fs := simFlags("profile map", env)
	name := fs.String("profile", "", "profile `name`")
	kind := fs.String("kind", "", "only billing-code, tax or customer suggestions (default all)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	kinds := map[string]string{"": "", "billing-code": store.MapBillingCode, "tax": store.MapTax, "customer": store.MapCustomer}
	k, ok := kinds[*kind]
	if !ok {
		return usageErr("--kind must be billing-code, tax or customer")
	}
	p, err := profileNamed(ctx, st, *name)
	if err != nil {
		return err
	}
	at, err := connect.Autotask(ctx, env.connectDeps(st), p)
	if err != nil {
		return err
	}
	lg, err := connect.Ledger(ctx, env.connectDeps(st), p)
	if err != nil {
		return err
	}
	n, coverage, err := acceptSuggestions(ctx, st, p.ID, at, lg, k)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Accepted %d suggestions; %s\n", n, coverage)
	return nil
}
