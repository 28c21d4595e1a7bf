// Copyright ©2026 The FactorLab Authors.

//go:build !amd64

package level3

// kernels lists the micro-kernels available on this architecture: only the
// portable one.
func kernels() []kernel { return []kernel{portable} }
