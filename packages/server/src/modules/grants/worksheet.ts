import { rows } from '../../db/raw.ts';
import type { Ctx } from '../../platform/context.ts';

/** Norwegian headings and reason texts of the worksheet (it goes to IMDi as it is). */
const REASON_NB: Record<string, string> = {
  settlement_date_missing: 'Bosettingsdato mangler i kommunens register',
  not_in_imdinett: 'Bosettingsdato ikke registrert i IMDinett',
  not_in_population_register: 'Ikke registrert i folkeregisteret i kommunen',
  moved: 'Flyttet til annen kommune',
  emigrated: 'Utvandret',
  deceased: 'Død',
  unknown_person: 'Ukjent person på utbetalingslisten',
  duplicate_payment: 'Utbetalt mer enn én gang i terminen',
  not_expected: 'Utbetalt uten at tilskudd var forventet',
  amount_mismatch: 'Beløpet avviker',
  not_paid: 'Ikke utbetalt',
};

/**
 * The year's differences as a worksheet for change requests (endringsforespørsler) to IMDi: one row
 * per person, term and grant, with expected, paid, the difference and the reason.
 */
export async function reconciliationWorkbook(ctx: Ctx, year: number): Promise<Buffer> {
  const list = await rows<{
    national_id: string | null; duf_number: string | null; given_name: string | null; family_name: string | null; birth_date: string | null;
    settlement_date: string | null; term: string; code: string; expected_ore: string; paid_ore: string; reason: string; detail: Record<string, unknown>;
  }>(
    ctx.tx,
    `SELECT p.national_id, p.duf_number, p.given_name, p.family_name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date,
            to_char(p.settlement_date, 'YYYY-MM-DD') AS settlement_date, r.term, r.code, r.expected_ore::text AS expected_ore,
            r.paid_ore::text AS paid_ore, r.reason, r.detail
       FROM grant_reconciliation_rows r LEFT JOIN persons p ON p.id = r.person_id
      WHERE r.municipality_id = $1 AND r.year = $2
      ORDER BY r.reason, p.family_name NULLS LAST, p.given_name, r.term, r.code`,
    [ctx.actor.municipalityId, year],
  );
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Eidør';
  wb.created = ctx.now;
  const ws = wb.addWorksheet(`Avvik ${year}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'Fødselsnummer', key: 'nid', width: 14 },
    { header: 'DUF-nummer', key: 'duf', width: 14 },
    { header: 'Navn', key: 'name', width: 28 },
    { header: 'Fødselsdato', key: 'birth', width: 12 },
    { header: 'Bosettingsdato', key: 'settled', width: 14 },
    { header: 'Termin', key: 'term', width: 9 },
    { header: 'Tilskuddskode', key: 'code', width: 13 },
    { header: 'Forventet (kr)', key: 'expected', width: 15, style: { numFmt: '#,##0.00' } },
    { header: 'Utbetalt (kr)', key: 'paid', width: 15, style: { numFmt: '#,##0.00' } },
    { header: 'Avvik (kr)', key: 'diff', width: 15, style: { numFmt: '#,##0.00' } },
    { header: 'Årsak', key: 'reason', width: 40 },
    { header: 'Detaljer', key: 'detail', width: 40 },
    { header: 'Endringsforespørsel sendt (dato)', key: 'sent', width: 18 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of list) {
    const d = r.detail;
    const details = [
      d.date ? `dato ${String(d.date)}` : null,
      d.movedTo ? `flyttet til ${String(d.movedTo)}` : null,
      typeof d.shareToClaim === 'number' && d.shareToClaim > 0 ? `andel å kreve ${d.shareToClaim.toFixed(2)} kr` : null,
      typeof d.toRepay === 'number' && d.toRepay > 0 ? `å tilbakebetale ${d.toRepay.toFixed(2)} kr` : null,
      d.line ? `linje ${String(d.line)} på listen` : null,
      d.payments ? `${String(d.payments)} utbetalinger` : null,
    ].filter(Boolean);
    ws.addRow({
      nid: r.national_id ?? '',
      duf: r.duf_number ?? '',
      name: r.given_name ? `${r.given_name} ${r.family_name}` : ((d.name as string | undefined) ?? ''),
      birth: r.birth_date ?? ((d.birthDate as string | undefined) ?? ''),
      settled: r.settlement_date ?? '',
      term: r.term,
      code: r.code,
      expected: Number(r.expected_ore) / 100,
      paid: Number(r.paid_ore) / 100,
      diff: (Number(r.paid_ore) - Number(r.expected_ore)) / 100,
      reason: REASON_NB[r.reason] ?? r.reason,
      detail: details.join('; '),
      sent: '',
    });
  }
  ws.autoFilter = { from: 'A1', to: 'M1' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
