import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/index.ts';

/** An amount in øre as kroner with two decimals in the UI language ("22 758,17 kr"). */
export function formatOre(ore: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'NOK', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(ore / 100);
}

export function useFormatOre(): (ore: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback((ore: number) => formatOre(ore, language), [language]);
}

/** Hand a file to the browser as a download, without putting it anywhere else. */
export function saveFile(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
