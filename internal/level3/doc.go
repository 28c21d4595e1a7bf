// Copyright ©2026 The FactorLab Authors.

// Package level3 is a Level-3 BLAS for float64 in Go and amd64 assembly,
// used under gonum's LAPACK in place of gonum's pure-Go BLAS.
//
// Implementation embeds gonum's BLAS and replaces its Dgemm,
//
//	C = alpha·op(A)·op(B) + beta·C,
//
// with the blocked algorithm of Goto and van de Geijn ("Anatomy of
// high-performance matrix multiplication", ACM TOMS 34(3), 2008): panels of
// op(B) and blocks of op(A) are packed into contiguous micro-panels sized for
// the caches, and a register-blocked micro-kernel updates one small tile of C
// at a time from them. The micro-kernel is chosen at start-up from what the
// CPU and operating system support: 8×24 with AVX-512F, 6×8 with AVX2 and
// FMA, or a portable 4×4 kernel in Go. Products with m·n·k ≤ 32³ and skinny
// ones (m < 2, n < 4 or k < 4) are left to gonum's loops, where packing or
// padding would cost more than the kernel saves.
//
// Dsyrk and Dsyr2k compute the triangle of C in row blocks of 128: the
// diagonal blocks in full by Dgemm into scratch space, the rest by Dgemm on
// C directly. Dtrmm and Dtrsm split the triangular factor in halves
// recursively (Elmroth, Gustavson, Jonsson and Kågström, "Recursive blocked
// algorithms and hybrid data structures for dense matrix library software",
// SIAM Review 46(1), 2004): off-diagonal blocks are Dgemm updates, diagonal
// blocks of order ≤ 48 go to gonum. Calls smaller than 48³ multiply–adds
// go to gonum's routines whole.
//
// Results are deterministic on one machine: every element of the product is
// a chain of multiply–adds in increasing k within each cache block of k, and
// the blocks are added to C in increasing order, whatever the number of
// goroutines (GOMAXPROCS) sharing the work. Different kernels (on different
// CPUs) may round differently.
//
// Of Level 2, Dgemv and Dsymv (half the flops of the reductions to
// tridiagonal and bidiagonal form) have AVX2/FMA kernels for unit increments
// and m·n ≥ 64²; everything else is gonum's.
//
// All matrices are row-major, as everywhere in gonum. The routines panic on
// invalid arguments with messages worded as gonum's BLAS words them.
package level3
