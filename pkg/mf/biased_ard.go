package mf

// factorLambdas returns the per-factor penalties λ_f, all λ at the start.
func (b *Biased) factorLambdas(c *BiasedSettings) []float64 {
	lambda := make([]float64, c.Factors)
	for f := range lambda {
		lambda[f] = c.Lambda
	}
	return lambda
}

// ardCounts holds the rating counts |R(u)|, |R(i)| and the number U + I of
// users and items with ratings for the ARD update; nil means no ARD.
type ardCounts struct {
	nu, ni []float64
	rows   float64
}

func newARDCounts(train *Ratings, c *BiasedSettings) *ardCounts {
	if !c.ARD {
		return nil
	}
	a := &ardCounts{nu: make([]float64, train.users), ni: make([]float64, train.items)}
	for _, x := range train.r {
		a.nu[x.User]++
		a.ni[x.Item]++
	}
	for _, n := range a.nu {
		if n > 0 {
			a.rows++
		}
	}
	for _, n := range a.ni {
		if n > 0 {
			a.rows++
		}
	}
	return a
}

// update sets λ_f = min(base, (U + I)σ̂²/S_f) from the current factors (see
// BiasedSettings.ARD); a factor with S_f = 0 gets base. It does nothing on a
// nil receiver.
func (a *ardCounts) update(b *Biased, lambda []float64, base float64) {
	if a == nil {
		return
	}
	k := b.k
	sigma2 := b.trainErr * b.trainErr
	for f := range lambda {
		s := 0.0
		for u, n := range a.nu {
			s += n * b.p[u*k+f] * b.p[u*k+f]
		}
		for i, n := range a.ni {
			s += n * b.q[i*k+f] * b.q[i*k+f]
		}
		lambda[f] = base
		if s > 0 {
			lambda[f] = min(a.rows*sigma2/s, base)
		}
	}
}
