// Copyright ©2026 The FactorLab Authors.

//go:build !openblas

package decomp

import (
	"os"
	"testing"

	"gonum.org/v1/gonum/blas/blas64"

	"github.com/factorlab/factorlab/internal/level3"
)

// TestBLASInstalled checks the documented effect of importing decomp in the
// pure-Go build: gonum's global BLAS is the level3 one unless the opt-out
// variable was set.
func TestBLASInstalled(t *testing.T) {
	_, isLevel3 := blas64.Implementation().(level3.Implementation)
	if want := os.Getenv(BLASEnv) != "gonum"; isLevel3 != want {
		t.Errorf("blas64 implementation is %T with %s=%q", blas64.Implementation(), BLASEnv, os.Getenv(BLASEnv))
	}
}
