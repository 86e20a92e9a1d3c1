import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { nb } from './nb.ts';
import { nn } from './nn.ts';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nb';

/** The chosen UI language is the only thing Eidør keeps in browser storage. */
const STORAGE_KEY = 'eidor.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Switch the UI language, remember the choice and keep <html lang> in step. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be switched off; the choice then lasts for this page only.
  }
  await i18n.changeLanguage(language);
}

function syncDocumentLanguage(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = i18n.dir(language);
}

i18n.on('languageChanged', syncDocumentLanguage);

void i18n.use(initReactI18next).init({
  resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
  initAsync: false,
  react: { useSuspense: false },
});

export { i18n };

/** The BCP 47 locale used for dates and numbers in each UI language. */
export function localeOf(language: string): string {
  switch (language) {
    case 'nn':
      return 'nn-NO';
    case 'en':
      return 'en-GB';
    default:
      return 'nb-NO';
  }
}
