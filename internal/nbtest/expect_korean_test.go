package nbtest

import (
	"fmt"
	"slices"
	"strings"
)

// The Korean notebooks run the programs of their English twins with the
// printed sentences and figure labels translated (see TestLanguagePairs), so
// their expectations are the English ones with each English phrase of the
// output replaced by its Korean translation. Text that reproduces the
// source verbatim (seed 000's "Iteration N, loss:" lines and tensors) and
// Go error values that cells print stay English in both (plotting's own
// reports are translated by pkg/plotting/hangul). Every figure
// of a Korean notebook must draw Hangul (checkExpect).

// korean derives a Korean notebook's expectations from its English twin's:
// pairs lists English phrases and their translations, en₁, ko₁, en₂, ko₂, …,
// replaced in the expected texts and number patterns; each English phrase
// must then be absent from the output. figures are texts the figures draw.
func korean(en Expect, pairs []string, figures ...string) Expect {
	if len(pairs)%2 != 0 {
		panic(fmt.Sprintf("nbtest: odd number of phrases %q", pairs))
	}
	r := strings.NewReplacer(pairs...)
	ko := Expect{Images: en.Images, Figures: figures}
	for _, s := range en.Texts {
		ko.Texts = append(ko.Texts, r.Replace(s))
	}
	ko.Absent = slices.Clone(en.Absent)
	for i := 0; i < len(pairs); i += 2 {
		ko.Absent = append(ko.Absent, pairs[i])
	}
	for _, n := range en.Numbers {
		n.Pattern = r.Replace(n.Pattern)
		ko.Numbers = append(ko.Numbers, n)
	}
	return ko
}

// without drops the number checks whose pattern contains one of words.
func without(ns []Number, words ...string) []Number {
	return slices.DeleteFunc(slices.Clone(ns), func(n Number) bool {
		return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(n.Pattern, w) })
	})
}

var koSeed000MF = korean(seed000MF, []string{
	"dense loss,  k = ", "전체 손실,   k = ",
	"masked loss, k = ", "마스크 손실, k = ",
	": predicted A₁₁", ": 예측한 A₁₁",
	"loss at iteration 1000: Adam", "반복 1000에서의 손실: Adam",
	", gradient descent", ", 경사 하강법",
	"final loss after 5000 iterations: Adam", "5000회 반복 후의 최종 손실: Adam",
	"best possible mean squared error for k = 0, 1, 2:", "k = 0, 1, 2에서 가능한 최소 평균제곱오차:",
	"Eckart–Young optimum, k = 1:", "에커트–영 최적값, k = 1:",
	"Adam, k = 1, loss after 5000 iterations:", "Adam, k = 1, 5000회 반복 후의 손실:",
	"smallest entry of W", "W의 가장 작은 성분",
	", of H", ", H의 가장 작은 성분",
}, "A에 대한 WH의 평균제곱오차", "반복", "손실")

var koSeed000Eigen = korean(seed000Eigen, []string{
	", unit vector (", ", 단위벡터 (",
	", roots λ = 1 and 1", ", 근 λ = 1, 1",
	"eigen-direction of each root: (1, 0) and (1, 0)", "각 근의 고유 방향: (1, 0), (1, 0)",
	"angle between eigenvectors (", "고유벡터 사이의 각 (",
	"°, orthogonal", "°, 직교",
	"orthogonal: true", "직교: true",
	"symmetric: false", "대칭: false",
	"orthogonal eigenvectors: false", "고유벡터끼리 직교: false",
	"diagonalizable: false", "대각화 가능: false",
	"smallest angle between eigenvectors: ", "고유벡터 사이의 가장 작은 각: ",
}, "변환 전: 단위벡터")

var koSeed001Maps = korean(seed001Maps, []string{
	"corners: ", "꼭짓점: ",
	"side 1 = (2, 1), opposite side 3 = (-2, -1): cross product 0 → parallel", "변 1 = (2, 1), 마주 보는 변 3 = (-2, -1): 외적 0 → 평행",
	"side 2 = (1, 2), opposite side 4 = (-1, -2): cross product 0 → parallel", "변 2 = (1, 2), 마주 보는 변 4 = (-1, -2): 외적 0 → 평행",
	"kind: parallelogram", "모양: 평행사변형",
	"area: ", "넓이: ",
},
	"변환 전: 단위 정사각형, e₁, e₂", "넓이", "회전: 변환 전", "늘이기: 변환 전")

var koSeed001Eigen = korean(seed001Eigen, []string{
	"green  λ", "초록  λ",
	"orthogonal eigenvectors: false", "고유벡터끼리 직교: false",
	"smallest angle between eigenvectors: ", "고유벡터 사이의 가장 작은 각: ",
	"red    λ", "빨강  λ",
	"  symmetric: ", "  대칭: ",
	"angle between the eigenvectors:", "고유벡터 사이의 각:",
	"λ = 3 or λ = 1", "λ = 3 또는 λ = 1",
	",  unit vector (", ",  단위벡터 (",
	"rotation [[", "회전 [[",
	", eigenvalues [", ", 고윳값 [",
	"real eigenvalues: 0 of 2, so no real eigenvector", "실수 고윳값: 0개 (전체 2개), 그래서 실수 고유벡터가 없다",
	"shear [[", "층밀림 [[",
	", eigenvalues 1 and 1", ", 고윳값 1, 1",
	"eigen-directions of the two roots: [1 0] and [1 0], one line only", "두 근의 고유 방향: [1 0], [1 0], 직선 하나뿐",
	"diagonalizable: false", "대각화 가능: false",
	"]: symmetric: true", "]: 대칭: true",
	": eigenvalues [", ": 고윳값 [",
	"eigenvalues \\[3", "고윳값 \\[3",
	"xᵀAx at x = \\(1, −1\\):", "x = \\(1, −1\\)에서 xᵀAx:",
}, "변환 전: 단위벡터", "변환 후: A = [[2, 1], [1, 2]]", "변환 후: A = [[1, 2], [2, 1]]")

var koSeed001Diag = korean(seed001Diag, []string{
	", eigenvalues λ = ", ", 고윳값 λ = ",
	"real S and Λ: ", "실수 S와 Λ: ",
	": eigenvalues [3 -1], singular values [3 1]", ": 고윳값 [3 -1], 특잇값 [3 1]",
	"off-diagonal ", "비대각 성분 ",
	"complex S and Λ", "복소수 S와 Λ",
})

var koSeed001SVD = func() Expect {
	e := korean(seed001SVD, []string{
		"symmetric: AᵀA", "대칭: AᵀA",
		"C with the largest component positive = ⎡", "가장 큰 성분을 양수로 고른 C =\n⎡",
		"σ (from AᵀA) = [9.5255 0.5143]\nσ (LAPACK)   = [9.5255 0.5143]", "σ (AᵀA)    = [9.5255 0.5143]\nσ (LAPACK) = [9.5255 0.5143]",
		"pair ", "쌍 ",
		"singular values σ₁", "특잇값 σ₁",
	}, "단위원 위의 x", "ΣVᵀx: σ₁, σ₂배 늘이기", "UΣVᵀx = Ax: u₁, u₂로 회전")
	// The table of sign choices puts the Korean names last, and −U's C
	// starts on its own line.
	e.Texts = slices.DeleteFunc(e.Texts, func(s string) bool { return strings.HasPrefix(s, "C with −U") })
	e.Texts = append(e.Texts, "−U를 쓴 C =\n⎡-1.0000  -2.0000⎤\n⎢-3.0000  -4.0000⎥\n⎣-5.0000  -6.0000⎦")
	e.Numbers = append(without(e.Numbers, "gonum LAPACK", "largest component positive", "U replaced by"),
		Below(`(?m)^\s*(\S+)\s+\S+\s+\S+\s+gonum LAPACK 그대로`, 1e-12),
		Near(`(?m)^\s*(\S+)\s+\S+\s+\S+\s+가장 큰 성분을 양수로`, 1.03, 0.01),
		Near(`(?m)^\s*\S+\s+(\S+)\s+\S+\s+가장 큰 성분을 양수로`, 19.05, 0.1),
		Near(`(?m)^\s*(\S+)\s+\S+\s+\S+\s+U 대신 −U`, 19.08, 0.1),
		Below(`(?m)^\s*\S+\s+(\S+)\s+\S+\s+U 대신 −U`, 1e-12),
		Below(`(?m)^\s*\S+\s+\S+\s+(\S+)\s+U 대신 −U`, 1e-12),
	)
	e.Absent = append(e.Absent, "C with", "largest component positive", "U replaced by")
	return e
}()

var koApps07 = korean(apps07, []string{
	"synthetic 1–5 star ratings with the shape of MovieLens-100k", "MovieLens-100k와 같은 모양의 합성 1–5 별점",
	"(noise σ = 0.5 before rounding to stars)", "(별점으로 반올림하기 전 잡음 σ = 0.5)",
	"floor: the true model's test RMSE is", "바닥: 참 모델의 테스트 RMSE는",
	"stars 1…5: ", "별점 1…5: 평점 ",
	"943 users × 1682 items = 1586126 cells, 100000 ratings: 6.30 % observed", "사용자 943명 × 항목 1682개 = 칸 1586126개, 평점 100000개: 6.30 % 관측",
	"training set 80000 ratings, test set 20000 ratings", "학습 집합 평점 80000개, 테스트 집합 평점 20000개",
	"ALS epoch 10: train RMSE", "ALS 에포크 10: 학습 RMSE",
	"top 5 of the items they have not rated:", "평점을 주지 않은 항목 중 상위 5개:",
	"mean rating (", "평균 평점 (",
	"blanks as zeros, rank-2 SVD: test RMSE", "빈칸을 0으로 둔 계수 2 특잇값 분해: 테스트 RMSE",
	"bias-only baseline", "편향만 쓰는 기준 모델",
	"30 epochs: train RMSE", "30 에포크: 학습 RMSE",
	": train RMSE", ": 학습 RMSE",
	", test RMSE", ", 테스트 RMSE",
	": test RMSE", ": 테스트 RMSE",
	" gap ", " 차이 ",
	`  item +\d+  predicted`, `  항목 +\d+  예측`,
}, "ALS, λ = 0.01: 요인 수에 따른 오차", "요인 수 k")

var koApps08 = korean(apps08, []string{
	"pixels, grey levels", "픽셀, 회색 단계",
	"rank  20:  20500 numbers =   7.8 % of the pixels", "계수  20: 수  20500개 = 픽셀의   7.8 %",
	"95.0 % of ‖A‖²_F: rank 3", "‖A‖²_F의 95.0 %: 계수 3",
	"99.0 % of ‖A‖²_F: rank", "‖A‖²_F의 99.0 %: 계수",
	"99.9 % of ‖A‖²_F: rank", "‖A‖²_F의 99.9 %: 계수",
	"break-even rank", "손익분기 계수",
	"rank 256: 262400 numbers for 262144 pixels (100.1 %)", "계수 256: 픽셀 262144개에 수 262400개 (100.1 %)",
	"rank   1: ", "계수   1: ",
	"rank  20: ", "계수  20: ",
	"rank 100: ", "계수 100: ",
	"relative error", "상대 오차",
	": bound", ": 하한",
	", truncated SVD", ", 절단 특잇값 분해",
	"randomized q", "무작위 q",
}, "camera: 특잇값", "계수 k", "camera: 계수 k 근사의 상대 오차")

// koApps09's PageRank table widens the two link columns under their
// Korean headings (a Hangul syllable is two columns wide).
var koApps09 = func() Expect {
	e := korean(apps09, []string{
		" gives", "로는",
		"relative error", "상대 오차",
		": the ratio tends to λ₁", ": 비는 λ₁에 다가가고",
		"λ₁ stands out", "λ₁이 두드러짐",
		"λ₂ close to λ₁", "λ₂가 λ₁에 가까움",
		"predicted rate", "예측한 속도",
		"measured error ratio per step", "측정한 단계당 오차 비",
		"power iteration: λ₁ = (\\S+) after", "거듭제곱 반복: λ₁ = (\\S+) \\(",
		"power iteration:", "거듭제곱 반복:",
		", +(\\d+) steps", ", 잔차 1e-10까지 +(\\d+)단계",
	}, "거듭제곱 반복: 단계마다의 오차와 예측한 속도", "단계 t", "오차", "λ₁이 두드러짐: sin θ(x, s₁)")
	row := func(rank int, page string, pr float64, in, out int) string {
		return fmt.Sprintf("%4d  %-9s  %8.4f  %13d  %11d", rank, page, pr, in, out)
	}
	e.Texts = slices.DeleteFunc(e.Texts, func(s string) bool { return strings.Contains(s, "links in") || strings.Contains(s, "grades") })
	e.Texts = append(e.Texts,
		strings.Join([]string{"순위  페이지     PageRank  들어오는 링크  나가는 링크",
			row(1, "faq", 0.1608, 5, 3), row(2, "forum", 0.1443, 4, 4),
			row(3, "lectures", 0.1277, 5, 5), row(4, "home", 0.1273, 4, 4)}, "\n"),
		row(12, "grades", 0.0294, 1, 1))
	e.Absent = append(e.Absent, "links in", "after", "steps")
	return e
}()

var koApps10 = korean(apps10, []string{
	"1797 images of 8×8 = 64 pixels, values 0…16; images per digit [", "이미지 1797개, 각각 8×8 = 64 픽셀, 값 0…16; 숫자별 이미지 수 [",
	"50 % of the variance:  5 of 64 components", "분산의 50 %: 주성분 64개 중  5개",
	"90 % of the variance: 21 of 64 components", "분산의 90 %: 주성분 64개 중 21개",
	"95 % of the variance: 29 of 64 components", "분산의 95 %: 주성분 64개 중 29개",
	"components 1 and 2 explain", "주성분 1과 2가 설명하는 분산:",
	" % and (", " %, (",
	"component 1: smallest entry", "주성분 1: 최솟값",
	"component 1: .* largest", "주성분 1: .* 최댓값",
	"uncentred SVD:", "중심화하지 않은 특잇값 분해:",
	"centred \\(PCA\\):", "중심화한 특잇값 분해 \\(PCA\\): +",
	"mean image", "평균 이미지",
	"smallest entry of W", "W의 가장 작은 성분",
	", of H", ", H의 가장 작은 성분",
	"pixels within 1 % of zero: NMF parts", "0에서 1 % 이내인 픽셀: NMF 부분",
	"pixels within 1 % of zero:", "0에서 1 % 이내인 픽셀:",
	"PCA components", "PCA 주성분",
	"Eckart–Young bound for rank 16", "계수 16의 에커트–영 하한",
	"relative error", "상대 오차",
	", rank-10 relative error", ", 계수 10 근사의 상대 오차",
	"full SVD:", "전체 특잇값 분해:",
	"randomized SVD:", "무작위 특잇값 분해:",
	"randomized/optimal error:", "무작위/최적 오차의 비:",
}, "레이블 0", "숫자: 설명된 분산", "누적 비율", "분산의 비율", "주성분 1", "처음 두 주성분 위의 숫자", "부분 1")

var _ = register(map[string]Expect{
	"notebooks/ko/07_recommending.ipynb":             koApps07,
	"notebooks/ko/08_image_compression.ipynb":        koApps08,
	"notebooks/ko/09_powers_pagerank.ipynb":          koApps09,
	"notebooks/ko/10_pca_nmf_digits.ipynb":           koApps10,
	"notebooks/ko/01_matrix_factorization.ipynb":     koSeed000MF,
	"notebooks/ko/02_eigen_decomposition.ipynb":      koSeed000Eigen,
	"notebooks/ko/03_linear_maps.ipynb":              koSeed001Maps,
	"notebooks/ko/04_eigenvalues_eigenvectors.ipynb": koSeed001Eigen,
	"notebooks/ko/05_diagonalization.ipynb":          koSeed001Diag,
	"notebooks/ko/06_svd.ipynb":                      koSeed001SVD,
})
