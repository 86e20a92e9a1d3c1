import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import type { WeekGrid } from './attendance-grid.ts';
import { AttendancePage, type AttendancePageProps } from './AttendancePage.tsx';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const PLAN = '33333333-3333-4333-8333-333333333333';
const UNIT = '44444444-4444-4444-8444-444444444444';
const counters = { selfCertifications: 1, selfCertificationsLimit: 4, childSickDays: 2, childSickDaysLimit: 10, unexcusedDays: 0 };

const week: WeekGrid = {
  weekStart: '2026-11-16',
  saved: 0,
  groups: [{ unitId: UNIT, name: 'Voksenopplæringen klasse 2B', participants: 2 }],
  rows: [
    {
      personId: A,
      name: 'Amina Hassan',
      programmeStart: '2026-01-05',
      programmeEnd: null,
      weeklyHours: 37.5,
      days: [{ day: '2026-11-16', plannedHours: 7.5, presentHours: 7.5, absenceKind: null, measures: [] }],
      measures: [
        { planId: PLAN, measureNo: 0, type: 'norwegian', description: 'Norsk spor 2', from: '2026-01-05', to: '2027-06-30', hoursPerWeek: 20 },
        { planId: PLAN, measureNo: 1, type: 'work_practice', description: 'Språkpraksis', from: '2026-01-05', to: '2027-06-30', hoursPerWeek: 17.5 },
      ],
      counters,
    },
    // Starts on Wednesday: Monday and Tuesday are outside the programme.
    { personId: B, name: 'Yonas Haile', programmeStart: '2026-11-18', programmeEnd: null, weeklyHours: 30, days: [], measures: [], counters: { ...counters, selfCertifications: 0, childSickDays: 0 } },
  ],
};

async function renderPage(props: Partial<AttendancePageProps> = {}) {
  const p: AttendancePageProps = { week, unitId: undefined, onWeek: vi.fn(), onGroup: vi.fn(), onSave: vi.fn(async () => ({ ...week, saved: 3 })), ...props };
  await renderWithRouter(() => <AttendancePage {...p} />, '/programme');
  return p;
}

const status = (name: string, day: string) => screen.getByRole('combobox', { name: `Status for ${name}, ${day}` });
const hours = (name: string, day: string) => screen.getByRole('textbox', { name: `Timer til stede for ${name}, ${day}` });

describe('AttendancePage', () => {
  it('shows a real table of participants × days with labelled controls, the counters and days outside the programme', async () => {
    await renderPage();
    const table = screen.getByRole('table', { name: 'Oppmøte uke 47. Én rad per deltaker, én kolonne per dag.' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Deltaker', 'Mandag 16.11.2026', 'Tirsdag 17.11.2026', 'Onsdag 18.11.2026', 'Torsdag 19.11.2026', 'Fredag 20.11.2026']);
    expect((status('Amina Hassan', 'Mandag 16.11.2026') as HTMLSelectElement).value).toBe('present');
    expect((hours('Amina Hassan', 'Mandag 16.11.2026') as HTMLInputElement).value).toBe('7,5');
    expect(within(table).getByRole('rowheader', { name: /Amina Hassan/ }).textContent).toContain('Egenmeldinger 1 av 4 · sykt barn 2 av 10 dager · ugyldig fravær 0 dager');
    const yonas = within(table).getByRole('rowheader', { name: /Yonas Haile/ }).closest('tr')!;
    expect(within(yonas).getAllByText('Utenfor programmet')).toHaveLength(2);
    expect(screen.getByRole('combobox', { name: 'Klasse eller gruppe' }).textContent).toContain('Voksenopplæringen klasse 2B (2)');
  });

  it('saves only the recorded days, with hours per measure, in one request, and shows the new counters', async () => {
    const after = { ...week, saved: 3, rows: [{ ...week.rows[0]!, counters: { ...counters, unexcusedDays: 1 } }, week.rows[1]!] };
    const p = await renderPage({ onSave: vi.fn(async () => after) });
    fireEvent.change(status('Amina Hassan', 'Tirsdag 17.11.2026'), { target: { value: 'welfare' } });
    fireEvent.change(hours('Amina Hassan', 'Tirsdag 17.11.2026'), { target: { value: '5,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tiltak (0) for Amina Hassan, Tirsdag 17.11.2026' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Timer til stede – Norsk: Norsk spor 2' }), { target: { value: '4' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Timer til stede – Arbeidspraksis: Språkpraksis' }), { target: { value: '1,5' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Timer fravær – Arbeidspraksis: Språkpraksis' }), { target: { value: '2' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Fravær gjelder – Arbeidspraksis: Språkpraksis' }), { target: { value: 'unexcused' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ferdig' }));
    fireEvent.change(status('Yonas Haile', 'Onsdag 18.11.2026'), { target: { value: 'present' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre uken' }));
    await waitFor(() => expect(p.onSave).toHaveBeenCalledTimes(1));
    expect(p.onSave).toHaveBeenCalledWith({
      weekStart: '2026-11-16',
      rows: [
        {
          personId: A,
          days: [
            { day: '2026-11-16', plannedHours: 7.5, presentHours: 7.5, absenceKind: null, measures: [] },
            {
              day: '2026-11-17',
              plannedHours: 7.5,
              presentHours: 5.5,
              absenceKind: 'welfare',
              measures: [
                { planId: PLAN, measureNo: 0, presentHours: 4, absentHours: 0, absenceKind: null },
                { planId: PLAN, measureNo: 1, presentHours: 1.5, absentHours: 2, absenceKind: 'unexcused' },
              ],
            },
          ],
        },
        { personId: B, days: [{ day: '2026-11-18', plannedHours: 6, presentHours: 6, absenceKind: null, measures: [] }] },
      ],
    });
    expect(await screen.findByText('Uken er lagret (3 dager).')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: /Amina Hassan/ }).textContent).toContain('ugyldig fravær 1 dager');
  });

  it('shows the server’s rule errors on the cell they concern, in Norwegian, and in a summary that leads there', async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError({
        code: 'VALIDATION',
        status: 400,
        message: 'rows.0.days.1.absenceKind …',
        fields: [
          { path: 'rows.0.days.1.absenceKind', message: 'at most 4 self-certifications in 12 months' },
          { path: 'rows.0.days.1.measures', message: "the hours per measure (9) are more than the day's 7.5 planned hours" },
        ],
      });
    });
    await renderPage({ onSave });
    fireEvent.change(status('Amina Hassan', 'Tirsdag 17.11.2026'), { target: { value: 'self_certified' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre uken' }));
    const select = status('Amina Hassan', 'Tirsdag 17.11.2026');
    await waitFor(() => expect(select.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(select.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toBe('Høyst 4 egenmeldinger i løpet av 12 måneder. Timene per tiltak (9) er flere enn dagens 7,5 planlagte timer.');
    // The Monday cell, which the server did not complain about, is not marked.
    expect(status('Amina Hassan', 'Mandag 16.11.2026').getAttribute('aria-invalid')).toBeNull();
    const link = screen.getByRole('link', { name: 'Amina Hassan, Tirsdag 17.11.2026: Høyst 4 egenmeldinger i løpet av 12 måneder.' });
    fireEvent.click(link);
    expect(document.activeElement).toBe(select);
    // Fixed and saved again: the errors go.
    onSave.mockImplementationOnce(async () => ({ ...week, saved: 2 }) as never);
    fireEvent.change(select, { target: { value: 'doctor_certified' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre uken' }));
    await screen.findByText('Uken er lagret (2 dager).');
    expect(status('Amina Hassan', 'Tirsdag 17.11.2026').getAttribute('aria-invalid')).toBeNull();
  });

  it('fills the empty days inside the programme with present in one go', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Fyll tomme dager med «Til stede»' }));
    expect((status('Amina Hassan', 'Fredag 20.11.2026') as HTMLSelectElement).value).toBe('present');
    expect((hours('Yonas Haile', 'Onsdag 18.11.2026') as HTMLInputElement).value).toBe('6');
    expect(screen.getAllByText('Utenfor programmet')).toHaveLength(2);
  });

  it('refuses hours that are not a number before asking the server', async () => {
    const p = await renderPage();
    fireEvent.change(hours('Amina Hassan', 'Mandag 16.11.2026'), { target: { value: 'sju' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre uken' }));
    await screen.findByRole('link', { name: 'Amina Hassan, Mandag 16.11.2026: Skriv timer som et tall, for eksempel 7,5.' });
    expect(p.onSave).not.toHaveBeenCalled();
  });

  it('moves between cells with Ctrl + arrow keys', async () => {
    await renderPage();
    const from = status('Amina Hassan', 'Onsdag 18.11.2026');
    from.focus();
    fireEvent.keyDown(from, { key: 'ArrowDown', ctrlKey: true });
    expect(document.activeElement).toBe(status('Yonas Haile', 'Onsdag 18.11.2026'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft', ctrlKey: true });
    // Tuesday and Monday are outside Yonas's programme: focus stays.
    expect(document.activeElement).toBe(status('Yonas Haile', 'Onsdag 18.11.2026'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight', ctrlKey: true });
    expect(document.activeElement).toBe(status('Yonas Haile', 'Torsdag 19.11.2026'));
  });
});
