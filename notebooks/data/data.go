// Package data gives FactorLab's notebooks their data sets, wherever Jupyter
// was started: the files of this folder are embedded in the package, and
// the ratings are generated from a seed. README.md says where each file
// comes from, under which licence, and how it was made.
package data

import (
	"embed"
	"fmt"
	"math/rand/v2"
	"os"

	"github.com/factorlab/factorlab/pkg/graph"
	"github.com/factorlab/factorlab/pkg/images"
	"github.com/factorlab/factorlab/pkg/mf"
	"gonum.org/v1/gonum/mat"
)

//go:embed camera.png digits.csv.gz web.txt
var files embed.FS

// Camera returns scikit-image's 512×512 "camera" photograph (CC0) as grey
// levels 0 (black) … 255 (white).
func Camera() (*mat.Dense, error) {
	f, err := files.Open("camera.png")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return images.DecodeGray(f, "camera.png")
}

// Digits returns the 1797 labelled 8×8 handwritten digits that
// scikit-learn ships (the test set of the UCI optical-digits data), pixels
// 0…16.
func Digits() (*images.Digits, error) {
	f, err := files.Open("digits.csv.gz")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return images.ReadDigits(f, "digits.csv.gz")
}

// Web returns the small web of notebook 09: 12 pages of a course's site
// and their links, one of them a dangling page without links.
func Web() (*graph.Graph, error) {
	f, err := files.Open("web.txt")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return graph.ReadEdges(f, "web.txt")
}

// UDataEnv is the environment variable that points the notebooks at a
// user's own copy of MovieLens-100k's u.data. MovieLens may not be
// redistributed, so the project never ships or downloads it.
const UDataEnv = "FACTORLAB_UDATA"

// Ratings returns the ratings set of the recommendation notebook: the file
// $FACTORLAB_UDATA if that variable is set (file is then its path, and
// truth nil), otherwise a set with the shape of MovieLens-100k (943 users,
// 1682 items, 100 000 ratings of 1–5 whole stars) drawn from rng by
// mf.SyntheticWithTruth with Stars, and truth the model it was drawn from:
// mf.Evaluate(truth, test) is the best test RMSE any model can expect. A
// file that is missing or malformed is an error naming the file (and the
// line); it never falls back silently to the synthetic set.
func Ratings(rng *rand.Rand) (r *mf.Ratings, truth *mf.SyntheticTruth, file string, err error) {
	if path := os.Getenv(UDataEnv); path != "" {
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, "", fmt.Errorf("%s=%s: %w", UDataEnv, path, err)
		}
		defer f.Close()
		if r, err = mf.ReadUData(f); err != nil {
			return nil, nil, "", fmt.Errorf("%s=%s: %w", UDataEnv, path, err)
		}
		return r, nil, path, nil
	}
	r, truth, err = SyntheticRatings(rng)
	return r, truth, "", err
}

// SyntheticRatings returns the synthetic set of Ratings whatever
// $FACTORLAB_UDATA says: 943 users × 1682 items, 100 000 ratings of 1–5
// whole stars drawn from rng by mf.SyntheticWithTruth with Stars, and the
// model they were drawn from. Lab L7 grades on it.
func SyntheticRatings(rng *rand.Rand) (*mf.Ratings, *mf.SyntheticTruth, error) {
	return mf.SyntheticWithTruth(&mf.SyntheticSettings{Stars: true}, rng)
}
