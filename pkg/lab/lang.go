package lab

import (
	"fmt"
	"os"
	"strings"
	"sync"
)

// Language is the language of the verdicts, hints and report titles.
type Language int

const (
	// English is the default language.
	English Language = iota
	// Korean is used in the Korean lab notebooks.
	Korean
)

// String returns the language's code, "en" or "ko".
func (l Language) String() string {
	switch l {
	case English:
		return "en"
	case Korean:
		return "ko"
	}
	return fmt.Sprintf("Language(%d)", int(l))
}

// LangEnv is the environment variable that chooses the language explicitly:
// "ko" or "en".
const LangEnv = "FACTORLAB_LANG"

// ResolveLanguage returns the language for the values of the environment
// variables FACTORLAB_LANG (langEnv) and GONB_DIR (gonbDir):
//
//   - langEnv "ko" or "en" wins; case, surrounding space and a region or
//     encoding suffix ("ko_KR.UTF-8", "en-US") are ignored, and any other
//     value counts as unset;
//   - otherwise, inside GoNB (gonbDir is the notebook's folder), Korean when
//     one element of that path is "ko", as in the Korean lab course
//     notebooks/labs/ko/ (its source/ and release/ notebooks);
//   - otherwise English.
//
// It reads no environment itself, so it is deterministic.
func ResolveLanguage(langEnv, gonbDir string) Language {
	code := strings.ToLower(strings.TrimSpace(langEnv))
	if i := strings.IndexAny(code, "_-."); i >= 0 {
		code = code[:i]
	}
	switch code {
	case "ko":
		return Korean
	case "en":
		return English
	}
	if gonbDir != "" {
		for _, elem := range strings.FieldsFunc(gonbDir, func(r rune) bool { return r == '/' || r == '\\' }) {
			if elem == "ko" {
				return Korean
			}
		}
	}
	return English
}

var (
	langOnce sync.Once
	lang     Language
)

// CurrentLanguage returns the language of this program's verdicts. It is
// resolved once, on first use, by ResolveLanguage from the environment
// variables FACTORLAB_LANG and GONB_DIR.
func CurrentLanguage() Language {
	langOnce.Do(func() { lang = languageFromEnv(os.Getenv) })
	return lang
}

// languageFromEnv resolves the language from the environment read by getenv.
func languageFromEnv(getenv func(string) string) Language {
	return ResolveLanguage(getenv(LangEnv), getenv("GONB_DIR"))
}

// setLanguage changes the language for tests and returns the previous one.
func setLanguage(l Language) Language {
	old := CurrentLanguage()
	lang = l
	return old
}
