// Wording of errors from main: a key with parameters (AppError, import reasons) is worded by the
// interface's i18n in the user's language; the English message is only a fallback for a key the
// interface does not know (a newer main). createAppI18n registers the translator.
type Params = Record<string, string | number>

interface Translator {
  t: (key: string, params?: Params) => string
  te: (key: string) => boolean
}

let translator: Translator | null = null

export function setErrorTranslator(t: Translator): void {
  translator = t
}

export function wordError(key: string | undefined, params: Params | undefined, english: string): string {
  if (key && translator?.te(key)) return translator.t(key, params ?? {})
  return english
}
