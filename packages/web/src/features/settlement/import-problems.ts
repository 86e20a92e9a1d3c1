import type { TFunction } from 'i18next';
import type { ImportProblem } from '@eidor/contract';
import type { z } from 'zod';
import type { ApiError } from '../../api/client.ts';

export type Problem = z.output<typeof ImportProblem>;

/**
 * The problems of a refused import. When every line must be valid, the server answers 400 and names
 * each problem as a field `line N: column` (or `line N`); this reads them back into lines and columns.
 * Fields that do not name a line are kept, with line 0, so nothing the server said is lost.
 */
export function problemsFromError(error: ApiError): Problem[] {
  return error.fields.map((f) => {
    const m = /^line (\d+)(?:: (.+))?$/.exec(f.path);
    return m ? { line: Number(m[1]), column: m[2] ?? null, message: f.message } : { line: 0, column: f.path || null, message: f.message };
  });
}

/** A problem's message in the user's language where the app knows it, else the server's English text. */
export type ProblemText = { text: string; lang?: 'en' };

const PATTERNS: [RegExp, (m: RegExpExecArray, t: TFunction, formatDate: (iso: string) => string) => string][] = [
  [/^is required$/, (_m, t) => t('settlement.import.problem.required')],
  [/^is required \(hovedperson/, (_m, t) => t('settlement.import.problem.roleRequired')],
  [/^is longer than (\d+) characters$/, (m, t) => t('settlement.import.problem.tooLong', { max: m[1] })],
  [/^"(.*)" is not a real date/, (m, t) => t('settlement.import.problem.date', { value: m[1] })],
  [/^Duplicate of line (\d+)$/, (m, t) => t('settlement.import.problem.duplicate', { line: m[1] })],
  [/^differs from the household's first row \((\d{4}-\d{2}-\d{2})\)$/, (m, t, formatDate) => t('settlement.import.problem.offeredDiffers', { date: formatDate(m[1]!) })],
  [/^Household (.+) has (\d+) main persons/, (m, t) => t('settlement.import.problem.heads', { reference: m[1], count: Number(m[2]) })],
  [/^Household (.+) is already in the pipeline$/, (m, t) => t('settlement.import.problem.inPipeline', { reference: m[1] })],
  [/^A person with this DUF number is already registered$/, (_m, t) => t('settlement.import.problem.dufTaken')],
  [/^Unknown column "(.*)"/, (m, t) => t('settlement.import.problem.unknownColumn', { column: m[1] })],
  [/^The column "(.*)" is missing$/, (m, t) => t('settlement.import.problem.missingColumn', { column: m[1] })],
  [/^The column "(.*)" appears twice$/, (m, t) => t('settlement.import.problem.repeatedColumn', { column: m[1] })],
  [/^Has (\d+) fields; the header has (\d+)$/, (m, t) => t('settlement.import.problem.fieldCount', { fields: m[1], header: m[2] })],
  [/^The file is empty$/, (_m, t) => t('settlement.import.problem.empty')],
  [/^The file is not valid CSV/, (_m, t) => t('settlement.import.problem.notCsv')],
];

export function describeProblem(message: string, t: TFunction, formatDate: (iso: string) => string): ProblemText {
  for (const [pattern, text] of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return { text: text(m, t, formatDate) };
  }
  return { text: message, lang: 'en' };
}
