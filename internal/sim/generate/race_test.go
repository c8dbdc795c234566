//go:build race

package generate_test

// raceEnabled: the race detector slows generation about tenfold.
const raceEnabled = true
