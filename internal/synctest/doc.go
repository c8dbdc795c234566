// Package synctest proves the sync engine's "never twice, never lost" rule
// end to end, with the real billbridge binary and standalone simulators
// running as separate processes: the sync is killed (SIGKILL) at random
// points, restarted, and the ledger must end with every invoice exactly once,
// the journal clean and Autotask marked.
//
// The tests share secrets between processes through the operating system's
// keychain, so they run only when BILLBRIDGE_KEYRING_IT=1 (make test-go runs
// them inside scripts/with-keyring.sh, which provides a private, unlocked
// Secret Service):
//
//	scripts/with-keyring.sh env BILLBRIDGE_KEYRING_IT=1 go test -run Kill ./internal/synctest/
package synctest
