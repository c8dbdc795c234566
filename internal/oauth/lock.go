package oauth

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// lockPoll is how often a process waiting for another's refresh retries
// the lock. Refreshes take a few hundred milliseconds; polling keeps the
// wait cancellable, which a blocking flock is not.
const lockPoll = 25 * time.Millisecond

// fileLock is an exclusive advisory lock on a file, shared by every process
// of the user (the desktop app and the CLI): flock on unix, LockFileEx on
// Windows. Locks belong to the open file, so two locks on the same path in
// one process exclude each other too.
type fileLock struct{ f *os.File }

// acquireFileLock takes the lock on dir/name, waiting until ctx ends.
func acquireFileLock(ctx context.Context, dir, name string) (*fileLock, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("oauth: lock dir: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(dir, name), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("oauth: open lock file: %w", err)
	}
	t := time.NewTicker(lockPoll)
	defer t.Stop()
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("oauth: lock %s: %w", name, err)
		}
		if ok {
			return &fileLock{f: f}, nil
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("oauth: wait for lock %s: %w", name, ctx.Err())
		case <-t.C:
		}
	}
}

// release unlocks and closes the file. The file stays: removing it would
// let a waiter lock an unlinked inode while a newcomer creates a new one.
func (l *fileLock) release() error {
	err := unlock(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	return err
}
