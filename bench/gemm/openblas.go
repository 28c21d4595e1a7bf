// Copyright ©2026 The FactorLab Authors.

//go:build openblas

package main

import "gonum.org/v1/netlib/blas/netlib"

func init() { impls = append(impls, impl{"openblas", netlib.Implementation{}}) }
