import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/index.ts';

/** Øre as kroner with two decimals in the UI language ("22 758,17 kr"): benefit amounts are exact to the øre. */
export function formatOre(ore: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'NOK', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(ore / 100);
}

export function useFormatOre(): (ore: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback((ore: number) => formatOre(ore, language), [language]);
}

/**
 * Kroner as typed by a Norwegian user ("1 766,00", "1766.5", "1 766") to whole øre; null when it is not
 * an amount. Spaces (also no-break spaces) group thousands; comma or point is the decimal mark.
 */
export function parseKroner(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/kr\.?$/i, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/** Øre as the kroner a user would type back ("1766,50"; whole kroner without decimals). */
export function kronerInput(ore: number, language: string): string {
  const kr = ore / 100;
  const text = Number.isInteger(kr) ? String(kr) : kr.toFixed(2);
  return language === 'en' ? text : text.replace('.', ',');
}

/** A number typed with a decimal comma or point ("37,5"); null when it is not a number. */
export function parseDecimal(text: string): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (cleaned === '' || !/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

export function decimalInput(n: number | null, language: string): string {
  if (n === null) return '';
  return language === 'en' ? String(n) : String(n).replace('.', ',');
}
