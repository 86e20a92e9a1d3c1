import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DISTRIBUTION_LIST_COLUMNS, type PipelineItem } from '@eidor/contract';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { ImportPage, type ImportRequest, type ImportResponse } from './ImportPage.tsx';

const CASE = '00000000-0000-4000-8000-000000000001';
const text = 'imdi_reference;offered_date;given_name\nFL-1;02.11.2026;Yonas\n';
const file = (body = text) => new File([body], 'liste.csv', { type: 'text/csv' });
const response = (o: Partial<ImportResponse>): ImportResponse => ({ dryRun: true, rows: 3, households: 2, imported: { households: 0, persons: 0 }, problems: [], caseIds: [], ...o });
const household: PipelineItem = {
  id: CASE,
  householdId: '00000000-0000-4000-8000-000000000002',
  householdName: 'Husstanden Haile',
  imdiReference: 'FL-1',
  memberCount: 2,
  stage: 'offered',
  nextStep: 'respond_to_offer',
  nextStepDue: '2026-11-16',
  overdue: false,
  offeredDate: '2026-11-02',
  plannedArrivalDate: null,
  timing: { targetMonths: 6, permitDate: null, targetDate: null, settledOn: null, days: null, status: 'no_permit' },
};

async function choose(body?: string) {
  fireEvent.change(screen.getByLabelText('CSV-fil med fordelingslisten'), { target: { files: [file(body)] } });
  // The file is read asynchronously (File.text()).
  await new Promise((r) => setTimeout(r, 20));
}

describe('ImportPage', () => {
  it('lists the documented columns from the contract', async () => {
    await renderWithRouter(() => <ImportPage onImport={vi.fn()} />, '/settlement/import');
    const table = screen.getByRole('table', { name: 'Kolonner i fordelingslisten' });
    expect(within(table).getAllByRole('rowheader').map((c) => c.textContent)).toEqual([...DISTRIBUTION_LIST_COLUMNS]);
    expect(within(table).getByRole('rowheader', { name: 'duf_number' }).closest('tr')!.textContent).toContain('Nei');
  });

  it('asks for a file first, then checks it without importing', async () => {
    const onImport = vi.fn(async (r: ImportRequest) => ({
      response: response({ problems: [{ line: 3, column: 'birth_date', message: '"30.02.1990" is not a real date (YYYY-MM-DD or DD.MM.YYYY)' }], dryRun: r.dryRun }),
      households: [],
    }));
    await renderWithRouter(() => <ImportPage onImport={onImport} />, '/settlement/import');
    fireEvent.click(screen.getByRole('button', { name: 'Kontroller' }));
    expect(screen.getByText('Du må velge en fil først.')).toBeTruthy();
    expect(onImport).not.toHaveBeenCalled();
    await choose();
    fireEvent.click(screen.getByRole('button', { name: 'Kontroller' }));
    await waitFor(() => expect(onImport).toHaveBeenCalledWith({ csv: text, dryRun: true, mode: 'all' }));
    expect(await screen.findByText('Filen har 3 linjer med 2 husstander. 1 problem må rettes før alt kan importeres.')).toBeTruthy();
    const problems = screen.getByRole('table', { name: 'Problemer i filen, per linje' });
    expect(within(problems).getAllByRole('row')[1]!.textContent).toBe('3birth_date«30.02.1990» er ikke en gyldig dato. Skriv den som 31.12.2026 eller 2026-12-31.');
    expect(screen.getByRole('button', { name: 'Importer alt' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Importer bare gyldige husstander' })).toBeTruthy();
  });

  it('shows the problems of a refused import by line and column, with messages it does not know kept in English', async () => {
    const onImport = vi.fn(async (r: ImportRequest) => {
      if (r.dryRun) return { response: response({}), households: [] };
      throw new ApiError({
        code: 'VALIDATION',
        status: 400,
        message: 'The file has 2 problem(s); nothing was imported',
        fields: [
          { path: 'line 2: arrival_category', message: 'Invalid option: expected one of "resettlement"' },
          { path: 'line 5', message: 'Duplicate of line 4' },
        ],
      });
    });
    await renderWithRouter(() => <ImportPage onImport={onImport} />, '/settlement/import');
    await choose();
    fireEvent.click(screen.getByRole('button', { name: 'Kontroller' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Importer alt' }));
    await waitFor(() => expect(onImport).toHaveBeenLastCalledWith({ csv: text, dryRun: false, mode: 'all' }));
    expect(await screen.findByText('Ingenting er importert. Filen har 2 problemer.')).toBeTruthy();
    const rows = within(screen.getByRole('table', { name: 'Problemer i filen, per linje' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent))).toEqual([
      ['2', 'arrival_category', 'Invalid option: expected one of "resettlement"'],
      ['5', '–', 'Samme person som på linje 4.'],
    ]);
    expect(rows[0]!.querySelectorAll('td')[1]!.getAttribute('lang')).toBe('en');
  });

  it('imports only the valid households when asked, and links to them', async () => {
    const onImport = vi.fn(async (r: ImportRequest) =>
      r.dryRun
        ? { response: response({ problems: [{ line: 5, column: null, message: 'Duplicate of line 4' }] }), households: [] }
        : {
            response: response({ dryRun: false, imported: { households: 1, persons: 2 }, caseIds: [CASE], problems: [{ line: 5, column: null, message: 'Duplicate of line 4' }] }),
            households: [household],
          },
    );
    await renderWithRouter(() => <ImportPage onImport={onImport} />, '/settlement/import');
    await choose();
    fireEvent.click(screen.getByRole('button', { name: 'Kontroller' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Importer bare gyldige husstander' }));
    await waitFor(() => expect(onImport).toHaveBeenLastCalledWith({ csv: text, dryRun: false, mode: 'valid_only' }));
    expect(await screen.findByText('1 husstand med 2 personer er importert.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Husstanden Haile' }).getAttribute('href')).toBe(`/settlement/cases/${CASE}`);
    expect(screen.getByRole('table', { name: 'Linjer som ikke ble importert' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Importer alt' })).toBeNull();
  });

  it('refuses an empty file before sending it', async () => {
    const onImport = vi.fn();
    await renderWithRouter(() => <ImportPage onImport={onImport} />, '/settlement/import');
    await choose('   \n');
    expect(screen.getByText('Filen er tom.')).toBeTruthy();
    expect(screen.getByLabelText('CSV-fil med fordelingslisten').getAttribute('aria-invalid')).toBe('true');
  });
});
