// Copyright ©2026 The FactorLab Authors.

//go:build !openblas

package decomp

import (
	"os"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"

	"github.com/factorlab/factorlab/internal/level3"
)

// BLASEnv names the environment variable that, set to "gonum" when the
// program starts, keeps gonum's own BLAS: importing decomp then leaves
// blas64's global implementation alone.
const BLASEnv = "FACTORLAB_BLAS"

// The pure-Go backend runs gonum's LAPACK, which does its matrix products
// through blas64's global implementation; installing the packed, SIMD
// Level-3 BLAS there speeds up every blocked LAPACK routine at once. A BLAS
// the program installed before this package's initialization is kept.
func init() {
	if os.Getenv(BLASEnv) == "gonum" {
		return
	}
	if _, isDefault := blas64.Implementation().(gonum.Implementation); isDefault {
		blas64.Use(level3.Implementation{})
	}
}

// level3Installed reports whether gonum's global BLAS is FactorLab's level3.
func level3Installed() bool {
	_, ok := blas64.Implementation().(level3.Implementation)
	return ok
}
