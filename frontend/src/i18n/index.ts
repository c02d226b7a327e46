import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'inmo.language';

function initialLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  return saved === 'en' ? 'en' : 'es'; // Spanish by default: the brokers are Chilean
}

i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'es',
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes; user text is never set as HTML
  returnNull: false,
});

export function setLanguage(language: Language) {
  localStorage.setItem(KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export default i18n;
