// Copyright ©2026 The FactorLab Authors.

package schur

import (
	"math"

	"gonum.org/v1/gonum/lapack/gonum"
)

var impl gonum.Implementation

const (
	// minOrder is the largest order for which the double-shift QR iteration
	// (Dlahqr) is used on its own, as in LAPACK.
	minOrder = 75
	// nibble: a sweep is skipped when the deflation window deflated more
	// than nibble % of its order.
	nibble = 14
	// exceptionalWindow and exceptionalShift: after that many iterations
	// without a deflation the window grows, and every exceptionalShift-th
	// such iteration uses ad hoc shifts.
	exceptionalWindow = 5
	exceptionalShift  = 6
	// accumulateMin is the number of shifts from which a sweep accumulates
	// its reflections and applies them as matrix products.
	accumulateMin = 14
	// Ad hoc shifts as in LAPACK.
	wilk1 = 0.75
	wilk2 = -0.4375
)

// shiftCount is the number of simultaneous shifts for an active block of
// order nh (LAPACK's choice, an even number of at least 2).
func shiftCount(nh int) int {
	ns := 2
	if nh >= 30 {
		ns = 4
	}
	if nh >= 60 {
		ns = 10
	}
	if nh >= 150 {
		ns = max(10, nh/int(math.Round(math.Log2(float64(nh)))))
	}
	if nh >= 590 {
		ns = 64
	}
	if nh >= 3000 {
		ns = 128
	}
	if nh >= 6000 {
		ns = 256
	}
	return max(2, ns-ns%2)
}

// windowSize is the deflation window for an active block of order nh.
func windowSize(nh int) int {
	ns := shiftCount(nh)
	if nh <= 500 {
		return ns
	}
	return 3 * ns / 2
}

// Hseqr computes the eigenvalues wr + i·wi of the n×n upper Hessenberg
// matrix H (row-major, leading dimension ldh) whose rows and columns outside
// ilo…ihi are already upper triangular (as Dgebal leaves them). If wantt, H
// is overwritten by the quasi-triangular Schur factor T, with zeros below the
// subdiagonal; if wantz, the n×n matrix Z (leading dimension ldz) is
// multiplied on the right by the orthogonal factor. It returns 0 on
// success, or one plus the index of the last row that failed to converge
// (the eigenvalues after it are correct).
func Hseqr(wantt, wantz bool, n, ilo, ihi int, h []float64, ldh int, wr, wi []float64, z []float64, ldz int) int {
	if n == 0 {
		return 0
	}
	for i := 0; i < ilo; i++ {
		wr[i], wi[i] = h[i*ldh+i], 0
	}
	for i := ihi + 1; i < n; i++ {
		wr[i], wi[i] = h[i*ldh+i], 0
	}
	if ilo == ihi {
		wr[ilo], wi[ilo] = h[ilo*ldh+ilo], 0
		return 0
	}
	var info int
	if n <= minOrder {
		info = impl.Dlahqr(wantt, wantz, n, ilo, ihi, h, ldh, wr[:ihi+1], wi[:ihi+1], ilo, ihi, z, ldz)
	} else {
		info = qr(wantt, wantz, n, ilo, ihi, h, ldh, wr, wi, ilo, ihi, z, ldz)
		if info > 0 {
			// The double-shift iteration sometimes converges where the
			// multishift one did not: let it finish rows ilo…info-1.
			info = impl.Dlahqr(wantt, wantz, n, ilo, info-1, h, ldh, wr[:info], wi[:info], ilo, ihi, z, ldz)
		}
	}
	if wantt && n > 2 {
		for i := 2; i < n; i++ {
			clear(h[i*ldh : i*ldh+i-1])
		}
	}
	return info
}

// workspace holds the scratch matrices of the deflation window and of a
// sweep, sized once for the largest window and shift count.
type workspace struct {
	v, t, wv []float64 // window: nw×nw, nw×n, n×nw
	work     []float64
	bv       []float64 // sweep: (ns/2)×3
	u        []float64 // (2ns)×(2ns)
	wh, wv2  []float64 // (2ns)×n, n×(2ns)
	shifts   []float64 // ns×ns copy of a trailing block
}

// qr is the multishift QR iteration with aggressive early deflation on the
// active rows and columns ilo…ihi of H (n > minOrder).
func qr(wantt, wantz bool, n, ilo, ihi int, h []float64, ldh int, wr, wi []float64, iloz, ihiz int, z []float64, ldz int) int {
	nhActive := ihi - ilo + 1
	nwr := min(nhActive, (n-1)/3, max(2, windowSize(nhActive)))
	nsr := shiftCount(nhActive)
	nsr = min(nsr, (n-3)/6, ihi-ilo)
	nsr = max(2, nsr-nsr%2)
	kacc22 := 0
	if shiftCount(nhActive) >= accumulateMin {
		kacc22 = 2
	}
	nwmax := (n - 1) / 3
	nsmax := (n - 3) / 6
	nsmax -= nsmax % 2

	var ws workspace
	ws.v = make([]float64, nwmax*nwmax)
	ws.t = make([]float64, nwmax*n)
	ws.wv = make([]float64, n*nwmax)
	work := []float64{0}
	impl.Dlaqr23(wantt, wantz, n, ilo, ihi, min(nwmax, nhActive), h, ldh, iloz, ihiz, z, ldz, wr[:ihi+1], wi[:ihi+1],
		ws.v, nwmax, n, ws.t, n, n, ws.wv, nwmax, work, -1, 1)
	ws.work = make([]float64, max(int(work[0]), 2*nwmax))
	kdu := 2 * nsmax
	ws.bv = make([]float64, max(1, nsmax/2)*3)
	ws.u = make([]float64, kdu*kdu)
	ws.wh = make([]float64, kdu*n)
	ws.wv2 = make([]float64, n*kdu)
	ws.shifts = make([]float64, nsmax*nsmax)

	abs := math.Abs
	at := func(i, j int) float64 { return h[i*ldh+j] }

	itmax := 30 * max(10, nhActive)
	kbot := ihi
	nw := nwmax
	ndfl := 1
	ndec := -1
	for it := 0; it < itmax; it++ {
		if kbot < ilo {
			return 0
		}
		// The active block is ktop…kbot: the last rows up to a zero
		// subdiagonal element.
		ktop := kbot
		for ktop > ilo && at(ktop, ktop-1) != 0 {
			ktop--
		}
		nh := kbot - ktop + 1

		// Deflation window: nwr while deflation goes well, growing after
		// exceptionalWindow iterations without it, then shrinking again
		// so that it does not stall on one size.
		nwupbd := min(nh, nwmax)
		if ndfl < exceptionalWindow {
			nw = min(nwupbd, nwr)
		} else {
			nw = min(nwupbd, 2*nw)
		}
		if nw < nwmax {
			if nw >= nh-1 {
				nw = nh
			} else {
				kwtop := kbot - nw + 1
				if abs(at(kwtop, kwtop-1)) > abs(at(kwtop-1, kwtop-2)) {
					nw++
				}
			}
		}
		if ndfl < exceptionalWindow {
			ndec = -1
		} else if ndec >= 0 || nw >= nwupbd {
			ndec++
			if nw-ndec < 2 {
				ndec = 0
			}
			nw -= ndec
		}

		// The least workspace keeps the window's Hessenberg reduction and
		// its back-transformation (Dormhr) in unblocked code, which gonum's
		// blocked-reflector defect cannot reach (see internal/householder);
		// the window is small (≤ 96 below order 3000), so this costs little.
		ls, ld := impl.Dlaqr23(wantt, wantz, n, ktop, kbot, nw, h, ldh, iloz, ihiz, z, ldz,
			wr[:kbot+1], wi[:kbot+1], ws.v, nw, n, ws.t, n, n, ws.wv, nw, ws.work, 2*nw, 1)
		kbot -= ld
		ks := kbot - ls + 1

		// A sweep follows unless the window deflated enough on its own.
		if ld == 0 || (100*ld <= nw*nibble && kbot-ktop+1 > min(minOrder, nwmax)) {
			ns := min(nsmax, nsr, max(2, kbot-ktop))
			ns -= ns % 2
			if ndfl%exceptionalShift == 0 {
				ks = exceptionalShifts(h, ldh, ktop, kbot, ns, wr, wi)
			} else {
				ks = windowShifts(h, ldh, ktop, kbot, ks, ns, wr, wi, ws.shifts)
			}
			// Two real shifts: use the one nearer H[kbot,kbot] twice.
			if kbot-ks+1 == 2 && wi[kbot] == 0 {
				hkk := at(kbot, kbot)
				if abs(wr[kbot]-hkk) < abs(wr[kbot-1]-hkk) {
					wr[kbot-1] = wr[kbot]
				} else {
					wr[kbot] = wr[kbot-1]
				}
			}
			// The smallest shifts, at most ns of them.
			ns = min(ns, kbot-ks+1)
			ns -= ns % 2
			ks = kbot - ns + 1
			if ns >= 2 {
				kdu := 2 * ns
				impl.Dlaqr5(wantt, wantz, kacc22, n, ktop, kbot, ns, wr[ks:ks+ns], wi[ks:ks+ns], h, ldh,
					iloz, ihiz, z, ldz, ws.bv, 3, ws.u, kdu, n, ws.wv2, kdu, n, ws.wh, n)
			}
		}
		if ld > 0 {
			ndfl = 1
		} else {
			ndfl++
		}
	}
	return kbot + 1
}

// exceptionalShifts writes ad hoc shifts built from the last subdiagonal
// elements into wr, wi[kbot-ns+1:kbot+1] and returns kbot-ns+1.
func exceptionalShifts(h []float64, ldh, ktop, kbot, ns int, wr, wi []float64) int {
	at := func(i, j int) float64 { return h[i*ldh+j] }
	ks := kbot - ns + 1
	for i := kbot; i >= max(ks+1, ktop+2); i -= 2 {
		ss := math.Abs(at(i, i-1)) + math.Abs(at(i-1, i-2))
		aa := wilk1*ss + at(i, i)
		_, _, _, _, wr[i-1], wi[i-1], wr[i], wi[i], _, _ = impl.Dlanv2(aa, ss, wilk2*ss, aa)
	}
	if ks == ktop {
		wr[ks+1], wi[ks+1] = at(ks+1, ks+1), 0
		wr[ks], wi[ks] = wr[ks+1], wi[ks+1]
	}
	return ks
}

// windowShifts returns the first index of the shifts in wr, wi[ks:kbot+1]:
// those the deflation window left (ks on entry) when there are more than
// ns/2 of them, otherwise the eigenvalues of the trailing ns×ns block. They
// are sorted by decreasing magnitude when there are more than ns, and
// shuffled so that real shifts come in pairs and complex ones stay
// adjacent to their conjugates.
func windowShifts(h []float64, ldh, ktop, kbot, ks, ns int, wr, wi, scratch []float64) int {
	at := func(i, j int) float64 { return h[i*ldh+j] }
	abs := math.Abs
	if kbot-ks+1 <= ns/2 {
		ks = kbot - ns + 1
		s := scratch[:ns*ns]
		for i := 0; i < ns; i++ {
			copy(s[i*ns:(i+1)*ns], h[(ks+i)*ldh+ks:(ks+i)*ldh+ks+ns])
		}
		var inf int
		if ns <= minOrder {
			inf = impl.Dlahqr(false, false, ns, 0, ns-1, s, ns, wr[ks:ks+ns], wi[ks:ks+ns], 0, 0, nil, 1)
		} else {
			inf = qr(false, false, ns, 0, ns-1, s, ns, wr[ks:ks+ns], wi[ks:ks+ns], 0, 0, nil, 1)
		}
		ks += inf
		if ks >= kbot {
			// No shift converged: take the trailing 2×2 block's eigenvalues.
			_, _, _, _, wr[kbot-1], wi[kbot-1], wr[kbot], wi[kbot], _, _ = impl.Dlanv2(
				at(kbot-1, kbot-1), at(kbot-1, kbot), at(kbot, kbot-1), at(kbot, kbot))
			ks = kbot - 1
		}
	}
	if kbot-ks+1 > ns {
		// Bubble sort by decreasing |re| + |im|: the smallest come last,
		// where the sweep takes them from.
		for k := kbot; k > ks; k-- {
			sorted := true
			for i := ks; i < k; i++ {
				if abs(wr[i])+abs(wi[i]) < abs(wr[i+1])+abs(wi[i+1]) {
					sorted = false
					wr[i], wr[i+1] = wr[i+1], wr[i]
					wi[i], wi[i+1] = wi[i+1], wi[i]
				}
			}
			if sorted {
				break
			}
		}
	}
	for i := kbot; i >= ks+2; i -= 2 {
		if wi[i] != -wi[i-1] {
			wr[i], wr[i-1], wr[i-2] = wr[i-1], wr[i-2], wr[i]
			wi[i], wi[i-1], wi[i-2] = wi[i-1], wi[i-2], wi[i]
		}
	}
	return ks
}
