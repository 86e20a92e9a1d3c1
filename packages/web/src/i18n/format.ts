import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from './index.ts';

/** Municipal work happens in Norwegian time, whatever the device says. */
const TIME_ZONE = 'Europe/Oslo';

/** Format an ISO timestamp as date and time in the UI language, in Norwegian time. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'short', timeStyle: 'medium', timeZone: TIME_ZONE }).format(date);
}

export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback((iso: string) => formatDateTime(iso, language), [language]);
}

/** Format a whole number in the UI language (thousands separators). */
export function useFormatNumber(): (n: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback((n: number) => new Intl.NumberFormat(localeOf(language)).format(n), [language]);
}

/** Format a calendar date `YYYY-MM-DD` in the UI language (no time zone: a date is a date). */
export function formatDate(iso: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(localeOf(language), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function useFormatDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback((iso: string) => formatDate(iso, language), [language]);
}

/** Format whole kroner in the UI language ("9 125 kr"). */
export function formatKroner(amount: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'NOK', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(amount);
}

export function useFormatKroner(): (amount: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback((amount: number) => formatKroner(amount, language), [language]);
}
