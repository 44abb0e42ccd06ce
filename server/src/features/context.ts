// What every feature gets besides the analysis: the user's language and settings.
// The words themselves are in `i18n/words.ts`.

export { formatDate, localeOf, say, t, type Locale } from '../i18n/words';
export type { FeatureContext } from '../service/languageService';
