// Copyright ©2026 The FactorLab Authors.

// Package reliability holds the test that walks every entry point of
// pkg/decomp and pkg/mf through each class of bad or extreme input (NaN/Inf,
// empty, wrong shape, nil, all-zero, 1e-300 and 1e300 scale, out-of-range
// settings, malformed files), checks that each call returns a package error,
// panics with a documented package sentinel or returns a correct result, and
// renders what each returns as the table in the README's "Reliability"
// section. `go test ./internal/reliability -update` rewrites that table.
package reliability
