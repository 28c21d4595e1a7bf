// Copyright ©2026 The FactorLab Authors.

// Package schur computes the real Schur form H = Z·T·Zᵀ of an upper
// Hessenberg matrix by the small-bulge multishift QR algorithm with
// aggressive early deflation, and on top of it the eigenvalues and right
// eigenvectors of a general real square matrix (the steps of LAPACK's
// dgeev).
//
// # Why a driver of its own
//
// The QR algorithm for a large Hessenberg matrix (Braman, Byers and Mathias,
// SIAM J. Matrix Anal. Appl. 23(4), 2002, parts I and II) alternates two
// steps on the active diagonal block:
//
//   - aggressive early deflation: the trailing nw×nw window is reduced to
//     Schur form, and every window eigenvalue whose "spike" component
//     (the corresponding entry of the first row of the orthogonal factor,
//     times the subdiagonal element that couples the window) is negligible
//     is deflated; the unconverged window eigenvalues become the next
//     shifts;
//   - a sweep that chases ns/2 small 3×3 bulges (each carrying two shifts)
//     down the block in a tight chain, accumulating the reflections of each
//     stretch of the chain into a small orthogonal matrix U that is then
//     applied to the rows and columns far from the diagonal as matrix
//     products.
//
// How much work becomes matrix products depends on ns and nw: LAPACK uses
// ns = 64 and nw = 96 shifts for blocks of order 590–2999, 128 and 192 up to
// 5999, 256 and 384 beyond, fewer for smaller blocks. gonum v0.17's Dlaqr04
// takes ns = 4 and nw ≤ 6 for every order of 30 or more (its parameter
// function tests the order against 30 before the larger thresholds), so
// nearly all of its work is Level-1 and its sweeps never accumulate: at
// n = 1000 it spent about 88 % of dgeev's time in the bulge chase. This
// package keeps gonum's building blocks (Dlaqr23 for the deflation window,
// Dlaqr5 for a sweep, Dlahqr for small blocks) and drives them with LAPACK's
// parameters; the accumulated products then run on the Level-3 BLAS that
// gonum's blas64 holds.
//
// # Conventions
//
// Matrices are row-major (gonum's). Indices are 0-based. Geev expects a
// matrix whose largest element lies within [2⁻⁴⁰⁰, 2⁴⁰⁰] (the caller scales
// by a power of two), and returns eigenvectors normalized as dgeev does:
// unit 2-norm, and for a complex pair u ± i·w the component of largest
// modulus real.
package schur
