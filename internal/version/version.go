// Package version tells which build of Billbridge is running. Release builds
// set Version and Commit with -ldflags "-X".
package version

import "runtime"

var (
	Version = "0.1.0-dev"
	Commit  = "unknown"
)

// String is what `billbridge version` prints and the About box shows.
func String() string {
	return "Billbridge " + Version + " (" + Commit + ", " + runtime.GOOS + "/" + runtime.GOARCH + ")"
}
