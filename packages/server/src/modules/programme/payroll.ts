/**
 * The payroll file (docs/payroll.md): one line per participant, semicolon-separated, UTF-8 with a
 * byte-order mark (Excel in Norwegian opens it as it is), amounts in kroner with a decimal comma.
 */
export const PAYROLL_COLUMNS = ['periode', 'fodselsnummer', 'dufnummer', 'navn', 'lonnsart', 'brutto', 'trekk_fravaer', 'samordning', 'tilbakebetaling', 'netto', 'krever_vedtak'] as const;

const kr = (ore: number | string) => {
  const n = Number(ore);
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
};

/** Quotes a field if it needs it; a leading = + - @ is neutralised so a spreadsheet never runs it. */
function field(v: string): string {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toPayrollCsv(
  month: string,
  lines: readonly { national_id: string | null; duf_number: string | null; name: string; gross: string | number; absence_deduction: string | number; coordination_deduction: string | number; recovered: string | number; net: string | number; decision_required: boolean }[],
): string {
  const out = [PAYROLL_COLUMNS.join(';')];
  for (const l of lines) {
    out.push(
      [month, l.national_id ?? '', l.duf_number ?? '', field(l.name), 'INTROSTONAD', kr(l.gross), kr(l.absence_deduction), kr(l.coordination_deduction), kr(l.recovered), kr(l.net), l.decision_required ? 'ja' : 'nei'].join(';'),
    );
  }
  return `\uFEFF${out.join('\r\n')}\r\n`;
}
