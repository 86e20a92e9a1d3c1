import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Heading, Input, Label, Paragraph, Select, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { WeekGridRequest } from '@eidor/contract';
import { addDays } from '@eidor/domain';
import { isApiError } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { FormErrorSummary, type SummaryItem } from '../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { AdminNav } from './AdminNav.tsx';
import {
  ABSENCE_OPTIONS,
  attendanceMessage,
  cellKey,
  errorsOnCells,
  gridFrom,
  isoWeekNumber,
  measuresOn,
  mondayOf,
  requestFrom,
  weekDays,
  type Cell,
  type CellErrors,
  type GridRow,
  type GridState,
  type WeekGrid,
} from './attendance-grid.ts';

export type AttendancePageProps = {
  week: WeekGrid;
  unitId: string | undefined;
  onWeek: (weekStart: string) => void;
  onGroup: (unitId: string | undefined) => void;
  onSave: (request: z.input<typeof WeekGridRequest>) => Promise<WeekGrid>;
};

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/**
 * The week grid for a class or group: a real table, one row per participant and one cell per day with
 * a labelled status and hours, the day's hours per measure in a dialog, saved in one request. The
 * server's reasons land on the cell they concern; the 12-month counters stand beside each name.
 */
export function AttendancePage({ week: loaded, unitId, onWeek, onGroup, onSave }: AttendancePageProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  // The week as last read or saved: a save returns the rows with their new counters.
  const [week, setWeek] = useState(loaded);
  const [state, setState] = useState<GridState>(() => gridFrom(loaded));
  const [errors, setErrors] = useState<{ cells: CellErrors; rows: Record<string, string[]>; summary: SummaryItem[] }>({ cells: {}, rows: {}, summary: [] });
  const [failure, setFailure] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [measuresOf, setMeasuresOf] = useState<{ personId: string; day: string } | null>(null);
  const [weekText, setWeekText] = useState(formatDate(loaded.weekStart));
  const summaryRef = useRef<HTMLElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const days = weekDays(week.weekStart);
  const dayLabel = (day: string, i: number) => `${t(`programmeAdmin.weekdays.${WEEKDAY_KEYS[i]!}`)} ${formatDate(day)}`;
  const weekNo = isoWeekNumber(week.weekStart);
  const rowIndex = useMemo(() => new Map(week.rows.map((r, i) => [r.personId, i])), [week.rows]);

  const update = (personId: string, day: string, change: (c: Cell) => Cell) => {
    setState((s) => ({ ...s, [personId]: { ...s[personId]!, [day]: change(s[personId]![day]!) } }));
    setDirty(true);
    setStatus('');
  };

  const idOf = (personId: string, day: string, part: 'status' | 'hours' | 'measures') => `att-${rowIndex.get(personId)}-${days.indexOf(day)}-${part}`;

  const save = async () => {
    setStatus('');
    setFailure(null);
    const { request, problems } = requestFrom(week, state, t);
    const name = (personId: string) => week.rows.find((r) => r.personId === personId)?.name ?? '';
    if (problems.length > 0) {
      const cells: CellErrors = {};
      for (const p of problems) (cells[cellKey(p.personId, p.day)] ??= []).push(p.message);
      setErrors({ cells, rows: {}, summary: problems.map((p) => ({ id: idOf(p.personId, p.day, p.field === 'hours' ? 'hours' : 'measures'), message: t('programmeAdmin.attendance.errorLink', { name: name(p.personId), day: dayLabel(p.day, days.indexOf(p.day)), message: p.message }) })) });
      setTimeout(() => summaryRef.current?.focus());
      return;
    }
    if (!request) {
      setStatus(t('programmeAdmin.attendance.nothing'));
      return;
    }
    setSaving(true);
    try {
      const saved = await onSave(request);
      // Rows not sent keep what they had (their unsaved entries too); the saved ones are as the server has them.
      const merged = { ...week, rows: week.rows.map((r) => saved.rows.find((x) => x.personId === r.personId) ?? r) };
      const fresh = gridFrom(merged);
      setWeek(merged);
      setState((s) => Object.fromEntries(merged.rows.map((r) => [r.personId, saved.rows.some((x) => x.personId === r.personId) ? fresh[r.personId]! : s[r.personId]!])));
      setErrors({ cells: {}, rows: {}, summary: [] });
      setDirty(false);
      setStatus(t('programmeAdmin.attendance.saved', { count: saved.saved }));
    } catch (err) {
      if (isApiError(err) && err.fields.length > 0) {
        const mapped = errorsOnCells(request, err.fields, (f) => attendanceMessage(f, t, formatDate));
        const summary: SummaryItem[] = [];
        for (const f of err.fields) {
          const m = /^rows\.(\d+)(?:\.days\.(\d+))?(\.measures)?/.exec(f.path);
          const row = m ? request.rows[Number(m[1])] : undefined;
          const day = row && m?.[2] !== undefined ? row.days[Number(m[2])]?.day : undefined;
          const text = attendanceMessage(f, t, formatDate);
          if (row && day) summary.push({ id: idOf(row.personId, day, m?.[3] ? 'measures' : /presentHours$/.test(f.path) ? 'hours' : 'status'), message: t('programmeAdmin.attendance.errorLink', { name: name(row.personId), day: dayLabel(day, days.indexOf(day)), message: text }) });
          else summary.push({ id: row ? `att-row-${rowIndex.get(row.personId)}` : 'att-save', message: row ? `${name(row.personId)}: ${text}` : text });
        }
        setErrors({ cells: mapped.cells, rows: mapped.rows, summary });
        setTimeout(() => summaryRef.current?.focus());
      } else setFailure(err);
    } finally {
      setSaving(false);
    }
  };

  /** Ctrl + arrow keys move between the cells' controls (arrow keys alone belong to the controls). */
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (!event.ctrlKey || !['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.key)) return;
    const m = /^att-(\d+)-(\d+)-(status|hours|measures)$/.exec((event.target as HTMLElement).id);
    if (!m) return;
    let [r, d] = [Number(m[1]), Number(m[2])];
    const part = m[3]!;
    const step = (dr: number, dd: number) => {
      for (let n = 0; n < 10; n++) {
        r += dr;
        d += dd;
        if (r < 0 || r >= week.rows.length || d < 0 || d >= days.length) return null;
        const el = document.getElementById(`att-${r}-${d}-${part}`) ?? document.getElementById(`att-${r}-${d}-status`);
        if (el) return el;
      }
      return null;
    };
    const target = event.key === 'ArrowUp' ? step(-1, 0) : event.key === 'ArrowDown' ? step(1, 0) : event.key === 'ArrowLeft' ? step(0, -1) : step(0, 1);
    if (target) {
      event.preventDefault();
      target.focus();
    }
  };

  const dialogRow = measuresOf ? week.rows.find((r) => r.personId === measuresOf.personId) : undefined;
  const dialogCell = measuresOf ? state[measuresOf.personId]?.[measuresOf.day] : undefined;

  return (
    <>
      <PageHeading>{t('programmeAdmin.attendance.title')}</PageHeading>
      <AdminNav />
      <Paragraph>{t('programmeAdmin.attendance.intro')}</Paragraph>

      <section className="section" aria-labelledby="att-choose">
        <Heading level={2} data-size="xs" id="att-choose">
          {t('programmeAdmin.attendance.choose')}
        </Heading>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(weekText.trim()) ?? null;
            const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(weekText.trim()) ? weekText.trim() : null;
            if (iso) onWeek(mondayOf(iso));
          }}
        >
          <TextField id="att-week" label={t('programmeAdmin.attendance.week')} description={t('programmeAdmin.attendance.weekHint')} value={weekText} onChange={(e) => setWeekText(e.target.value)} />
          <div className="button-row">
            <Button type="submit" variant="secondary">
              {t('programmeAdmin.attendance.show')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => onWeek(addDays(week.weekStart, -7))}>
              {t('programmeAdmin.attendance.previous')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => onWeek(addDays(week.weekStart, 7))}>
              {t('programmeAdmin.attendance.next')}
            </Button>
          </div>
          <SelectField id="att-group" label={t('programmeAdmin.attendance.group')} value={unitId ?? ''} onChange={(e) => onGroup(e.target.value || undefined)}>
            <Select.Option value="">{t('programmeAdmin.attendance.allGroups')}</Select.Option>
            {week.groups.map((g) => (
              <Select.Option key={g.unitId} value={g.unitId}>
                {t('programmeAdmin.attendance.groupOption', { name: g.name, count: g.participants })}
              </Select.Option>
            ))}
          </SelectField>
        </form>
      </section>

      <section className="section" aria-labelledby="att-week-heading">
        <Heading level={2} data-size="sm" id="att-week-heading">
          {t('programmeAdmin.attendance.weekHeading', { week: weekNo, from: formatDate(days[0]!), to: formatDate(days[4]!) })}
        </Heading>
        <FormErrorSummary errors={errors.summary} ref={summaryRef} />
        {failure ? <ApiErrorAlert error={failure} /> : null}
        <StatusMessage>{status}</StatusMessage>
        {week.rows.length === 0 ? (
          <Paragraph>{unitId ? t('programmeAdmin.attendance.noneInGroup') : t('programmeAdmin.attendance.none')}</Paragraph>
        ) : (
          <>
            <ScrollRegion labelledBy="att-week-heading">
              <Table border className="wide-table attendance-grid" ref={tableRef} onKeyDown={onKeyDown}>
                <caption className="ds-sr-only">{t('programmeAdmin.attendance.caption', { week: weekNo })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('programmeAdmin.attendance.participant')}</Table.HeaderCell>
                    {days.map((d, i) => (
                      <Table.HeaderCell scope="col" key={d}>
                        {dayLabel(d, i)}
                      </Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {week.rows.map((row, r) => (
                    <Table.Row key={row.personId}>
                      <Table.HeaderCell scope="row" id={`att-row-${r}`}>
                        <bdi>{row.name}</bdi>
                        {row.weeklyHours ? <Paragraph data-size="xs">{t('programmeAdmin.attendance.weeklyHours', { hours: String(row.weeklyHours).replace('.', ',') })}</Paragraph> : null}
                        <Paragraph data-size="xs">
                          {t('programmeAdmin.attendance.countersText', {
                            self: row.counters.selfCertifications,
                            selfLimit: row.counters.selfCertificationsLimit,
                            child: row.counters.childSickDays,
                            childLimit: row.counters.childSickDaysLimit,
                            unexcused: row.counters.unexcusedDays,
                          })}
                        </Paragraph>
                        {(errors.rows[row.personId] ?? []).map((m) => (
                          <ValidationMessage key={m}>{m}</ValidationMessage>
                        ))}
                      </Table.HeaderCell>
                      {days.map((day, i) => (
                        <Table.Cell key={day}>
                          <DayCell
                            row={row}
                            day={day}
                            label={dayLabel(day, i)}
                            cell={state[row.personId]![day]!}
                            errors={errors.cells[cellKey(row.personId, day)] ?? []}
                            idOf={(part) => idOf(row.personId, day, part)}
                            onChange={(change) => update(row.personId, day, change)}
                            onMeasures={() => setMeasuresOf({ personId: row.personId, day })}
                          />
                        </Table.Cell>
                      ))}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollRegion>
            <div className="button-row page-actions">
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  // A class where most were there: fill every empty day, then record the exceptions.
                  setState((st) =>
                    Object.fromEntries(
                      Object.entries(st).map(([personId, cells]) => [
                        personId,
                        Object.fromEntries(Object.entries(cells).map(([day, c]) => [day, c.status === '' && !c.outside ? { ...c, status: 'present' as const, hours: String(c.planned).replace('.', ',') } : c])),
                      ]),
                    ),
                  );
                  setDirty(true);
                }}
              >
                {t('programmeAdmin.attendance.fillPresent')}
              </Button>
              <Button id="att-save" variant="primary" onClick={() => void save()} loading={saving} disabled={saving}>
                {saving ? t('programmeAdmin.attendance.saving') : t('programmeAdmin.attendance.save')}
              </Button>
            </div>
            {dirty ? <Paragraph data-size="sm">{t('programmeAdmin.attendance.unsaved')}</Paragraph> : null}
          </>
        )}
      </section>

      <FormDialog
        open={measuresOf !== null}
        title={dialogRow && measuresOf ? t('programmeAdmin.attendance.measuresFor', { name: dialogRow.name, day: dayLabel(measuresOf.day, days.indexOf(measuresOf.day)) }) : ''}
        onClose={() => {
          const back = measuresOf ? idOf(measuresOf.personId, measuresOf.day, 'measures') : null;
          setMeasuresOf(null);
          if (back) setTimeout(() => document.getElementById(back)?.focus());
        }}
      >
        {({ close }) =>
          dialogRow && dialogCell && measuresOf ? (
            <MeasuresForm row={dialogRow} day={measuresOf.day} cell={dialogCell} onChange={(change) => update(measuresOf.personId, measuresOf.day, change)} onDone={close} />
          ) : null
        }
      </FormDialog>
    </>
  );
}

type DayCellProps = {
  row: GridRow;
  day: string;
  label: string;
  cell: Cell;
  errors: string[];
  idOf: (part: 'status' | 'hours' | 'measures') => string;
  onChange: (change: (c: Cell) => Cell) => void;
  onMeasures: () => void;
};

function DayCell({ row, day, label, cell, errors, idOf, onChange, onMeasures }: DayCellProps) {
  const { t } = useTranslation();
  if (cell.outside) return <span>{t('programmeAdmin.attendance.outside')}</span>;
  const errorId = `${idOf('status')}-error`;
  const described = errors.length > 0 ? errorId : undefined;
  const measures = measuresOn(row, day);
  const split = cell.measures.filter((m) => m.present.trim() !== '' || m.absent.trim() !== '').length;
  return (
    <div className="attendance-cell">
      <Label htmlFor={idOf('status')} className="ds-sr-only">
        {t('programmeAdmin.attendance.status', { name: row.name, day: label })}
      </Label>
      <Select
        id={idOf('status')}
        data-size="sm"
        value={cell.status}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={described}
        onChange={(e) => {
          const status = e.target.value as Cell['status'];
          onChange((c) => ({ ...c, status, hours: status === 'present' ? String(c.planned).replace('.', ',') : status === '' ? '' : c.status === 'present' || c.status === '' ? '0' : c.hours }));
        }}
      >
        <Select.Option value="">{t('programmeAdmin.attendance.notRecorded')}</Select.Option>
        <Select.Option value="present">{t('programmeAdmin.attendance.present')}</Select.Option>
        {ABSENCE_OPTIONS.map((k) => (
          <Select.Option key={k} value={k}>
            {t(`programmeAdmin.kinds.${k}`)}
          </Select.Option>
        ))}
      </Select>
      <div className="attendance-hours">
        <Label htmlFor={idOf('hours')} className="ds-sr-only">
          {t('programmeAdmin.attendance.hours', { name: row.name, day: label })}
        </Label>
        <Input
          id={idOf('hours')}
          data-size="sm"
          inputMode="decimal"
          size={4}
          value={cell.hours}
          disabled={cell.status === ''}
          aria-invalid={errors.length > 0 ? true : undefined}
          aria-describedby={described}
          onChange={(e) => onChange((c) => ({ ...c, hours: e.target.value }))}
        />
        <span aria-hidden="true">{t('programmeAdmin.attendance.planned', { hours: String(cell.planned).replace('.', ',') })}</span>
      </div>
      {measures.length > 0 ? (
        <Button id={idOf('measures')} type="button" variant="tertiary" data-size="sm" disabled={cell.status === ''} onClick={onMeasures}>
          {t('programmeAdmin.attendance.measuresCount', { count: split })}
          <span className="ds-sr-only">{t('programmeAdmin.attendance.measuresButton', { name: row.name, day: label })}</span>
        </Button>
      ) : null}
      {errors.length > 0 ? (
        <ValidationMessage id={errorId} data-size="sm">
          {errors.join(' ')}
        </ValidationMessage>
      ) : null}
    </div>
  );
}

function MeasuresForm({ row, day, cell, onChange, onDone }: { row: GridRow; day: string; cell: Cell; onChange: (change: (c: Cell) => Cell) => void; onDone: () => void }) {
  const { t } = useTranslation();
  const measures = measuresOn(row, day);
  const entry = (planId: string, measureNo: number) => cell.measures.find((m) => m.planId === planId && m.measureNo === measureNo);
  const set = (planId: string, measureNo: number, patch: Partial<Cell['measures'][number]>) =>
    onChange((c) => ({ ...c, measures: c.measures.map((m) => (m.planId === planId && m.measureNo === measureNo ? { ...m, ...patch } : m)) }));
  return (
    <>
      {measures.length === 0 ? <Paragraph>{t('programmeAdmin.attendance.measuresNone')}</Paragraph> : <Paragraph>{t('programmeAdmin.attendance.measuresIntro', { hours: String(cell.planned).replace('.', ',') })}</Paragraph>}
      {measures.map((m) => {
        const e = entry(m.planId, m.measureNo);
        if (!e) return null;
        const name = `${t(`programmeAdmin.measureTypes.${m.type}` as never)}: ${m.description}`;
        const base = `m-${m.planId}-${m.measureNo}`;
        return (
          <fieldset key={base} className="measure-split">
            <legend>{name}</legend>
            <TextField id={`${base}-present`} label={t('programmeAdmin.attendance.measurePresent', { measure: name })} inputMode="decimal" value={e.present} onChange={(ev) => set(m.planId, m.measureNo, { present: ev.target.value })} />
            <TextField id={`${base}-absent`} label={t('programmeAdmin.attendance.measureAbsent', { measure: name })} inputMode="decimal" value={e.absent} onChange={(ev) => set(m.planId, m.measureNo, { absent: ev.target.value })} />
            <SelectField id={`${base}-kind`} label={t('programmeAdmin.attendance.measureKind', { measure: name })} value={e.unexcused ? 'unexcused' : ''} onChange={(ev) => set(m.planId, m.measureNo, { unexcused: ev.target.value === 'unexcused' })}>
              <Select.Option value="">{t('programmeAdmin.attendance.measureKindDay')}</Select.Option>
              <Select.Option value="unexcused">{t('programmeAdmin.kinds.unexcused')}</Select.Option>
            </SelectField>
          </fieldset>
        );
      })}
      <div className="button-row">
        <Button type="button" variant="primary" onClick={onDone}>
          {t('programmeAdmin.attendance.measureDone')}
        </Button>
      </div>
    </>
  );
}
