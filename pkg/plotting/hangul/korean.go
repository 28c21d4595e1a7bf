package hangul

import "regexp"

// Korean translates one line of the text that pkg/plotting's figures write
// by themselves (panel titles such as "before: unit vectors", axis labels,
// legend entries) into Korean, and returns any other line unchanged. Text
// that a notebook passes in (a title, a run's name) is the notebook's own:
// a Korean notebook writes it in Korean. Formulas ("A = [[2, 1], [1, 2]]",
// "Av₁ = 3v₁") stay as they are. TestKoreanFigures draws every figure of
// pkg/plotting and fails on an English word left untranslated, so a new
// label in pkg/plotting needs its line here.
func Korean(line string) string {
	for _, t := range korean {
		if t.re.MatchString(line) {
			return t.re.ReplaceAllString(line, t.ko)
		}
	}
	return line
}

// korean lists the translations, whole lines unless a pattern is not
// anchored at both ends; the first match wins.
var korean = []struct {
	re *regexp.Regexp
	ko string
}{
	// Quadrilateral.String, the report of plotting.SquareImage
	{regexp.MustCompile(`^corners: (.*)$`), "꼭짓점: ${1}"},
	{regexp.MustCompile(`^side (\d+) = (.*), opposite side (\d+) = (.*): cross product (\S+) → parallel$`), "변 ${1} = ${2}, 마주 보는 변 ${3} = ${4}: 외적 ${5} → 평행"},
	{regexp.MustCompile(`^side (\d+) = (.*), opposite side (\d+) = (.*): cross product (\S+) → not parallel$`), "변 ${1} = ${2}, 마주 보는 변 ${3} = ${4}: 외적 ${5} → 평행하지 않음"},
	{regexp.MustCompile(`^kind: parallelogram$`), "모양: 평행사변형"},
	{regexp.MustCompile(`^kind: trapezoid$`), "모양: 사다리꼴"},
	{regexp.MustCompile(`^kind: quadrilateral$`), "모양: 사각형"},
	{regexp.MustCompile(`^area: (.*)$`), "넓이: ${1}"},
	// pkg/lab's corners figure (lab L6)
	{regexp.MustCompile(`^your corners$`), "내 답의 꼭짓점"},
	{regexp.MustCompile(`^reference: M·\(unit square\)$`), "정답: M·(단위 정사각형)"},
	{regexp.MustCompile(`^unit square$`), "단위 정사각형"},
	{regexp.MustCompile(`^image$`), "상"},
	// LossCurves
	{regexp.MustCompile(`^iteration$`), "반복"},
	{regexp.MustCompile(`^loss$`), "손실"},
	{regexp.MustCompile(`^run (\d+)$`), "실행 ${1}"},
	{regexp.MustCompile(`^optimum$`), "최적값"},
	{regexp.MustCompile(`^optimum = (.+)$`), "최적값 = ${1}"},
	{regexp.MustCompile(`^(.*) \(clamped at (.+)\)$`), "${1} (${2}에서 자름)"},
	// Heatmap
	{regexp.MustCompile(`^column$`), "열"},
	{regexp.MustCompile(`^row$`), "행"},
	// Spectrum
	{regexp.MustCompile(`^index i$`), "번호 i"},
	{regexp.MustCompile(`^singular value σᵢ$`), "특잇값 σᵢ"},
	{regexp.MustCompile(`^rank (\d+) keeps (.+) of ‖A‖²$`), "계수 ${1}: ‖A‖²의 ${2} 유지"},
	// LinearMap
	{regexp.MustCompile(`^area$`), "넓이"},
	{regexp.MustCompile(`^before: unit square, e₁, e₂$`), "변환 전: 단위 정사각형, e₁, e₂"},
	{regexp.MustCompile(`^(.+): before \(dashed\) and after$`), "${1}: 변환 전(점선)과 후"},
	// RotationStretch
	{regexp.MustCompile(`^rotation: before$`), "회전: 변환 전"},
	{regexp.MustCompile(`^after rotating by θ = (.+)$`), "θ = ${1} 회전한 후"},
	{regexp.MustCompile(`^stretching: before$`), "늘이기: 변환 전"},
	{regexp.MustCompile(`^after stretching by \(sx, sy\) = (.+)$`), "(sx, sy) = ${1} 배 늘인 후"},
	// Eigenvectors
	{regexp.MustCompile(`^before: unit vectors$`), "변환 전: 단위벡터"},
	// LinearMap and Eigenvectors
	{regexp.MustCompile(`^after (A = .+)$`), "변환 후: ${1}"},
	// SVDGeometry
	{regexp.MustCompile(`^x on the unit circle$`), "단위원 위의 x"},
	{regexp.MustCompile(`^Vᵀx: rotate v₁, v₂ onto the axes$`), "Vᵀx: v₁, v₂를 좌표축으로 회전"},
	{regexp.MustCompile(`^ΣVᵀx: stretch by σ₁, σ₂$`), "ΣVᵀx: σ₁, σ₂배 늘이기"},
	{regexp.MustCompile(`^UΣVᵀx = Ax: rotate onto u₁, u₂$`), "UΣVᵀx = Ax: u₁, u₂로 회전"},
}
