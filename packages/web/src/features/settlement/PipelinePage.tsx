import { useState } from 'react';
import { Button, Heading, Link as DsLink, Paragraph, Spinner, Switch, Table, Tag, ToggleGroup } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseView, PersonSummary, PipelineItem, ResponseOf } from '@eidor/contract';
import { PIPELINE_STAGES, type PipelineStage } from '@eidor/domain';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useFormatDate, useFormatNumber } from '../../i18n/format.ts';
import { boardColumns } from './board.ts';
import { useSettlementLabels } from './labels.ts';
import { NewCaseDialog, type NewCase } from './NewCaseDialog.tsx';
import type { PipelineFilter } from './queries.ts';
import { SettlementNav } from './SettlementNav.tsx';
import { timingColor, timingText } from './timing.ts';

type Pipeline = ResponseOf<'listPipeline'>;
export type PipelineView = 'board' | 'list';

export type PipelinePageProps = {
  filter: PipelineFilter;
  view: PipelineView;
  pipeline: Pipeline | undefined;
  loading: boolean;
  error: unknown;
  onFilter: (filter: PipelineFilter) => void;
  onView: (view: PipelineView) => void;
  /** A household to start a case for at once (coming from the household's page). */
  initialHousehold?: { id: string; name: string | null } | undefined;
  onSearchPeople: (q: string) => Promise<PersonSummary[]>;
  onCreate: (request: NewCase) => Promise<CaseView>;
};

/** The arrival pipeline: every household's stage, next step and due date, as a board or a list. */
export function PipelinePage({ filter, view, pipeline, loading, error, onFilter, onView, initialHousehold, onSearchPeople, onCreate }: PipelinePageProps) {
  const { t } = useTranslation();
  const labels = useSettlementLabels();
  const [creating, setCreating] = useState(initialHousehold !== undefined);
  const counts = pipeline?.counts;
  const total = pipeline?.items.length ?? 0;
  return (
    <>
      <PageHeading>{t('settlement.pipeline.title')}</PageHeading>
      <SettlementNav />
      <Paragraph>{t('settlement.pipeline.intro')}</Paragraph>
      {pipeline?.can.edit || pipeline?.can.import ? (
        <div className="button-row page-actions">
          {pipeline.can.edit ? <Button onClick={() => setCreating(true)}>{t('settlement.pipeline.new')}</Button> : null}
          {pipeline.can.import ? (
            <Button asChild variant="secondary">
              <Link to="/settlement/import">{t('settlement.pipeline.import')}</Link>
            </Button>
          ) : null}
        </div>
      ) : null}

      <section className="section" aria-labelledby="pipeline-filter">
        <Heading level={2} data-size="sm" id="pipeline-filter">
          {t('settlement.pipeline.filter.heading')}
        </Heading>
        <div className="filter-grid">
          <SelectField
            id="pipeline-stage"
            label={t('settlement.pipeline.filter.stage')}
            value={filter.stage ?? ''}
            onChange={(e) => onFilter({ ...filter, stage: PIPELINE_STAGES.find((s) => s === e.target.value) })}
          >
            <option value="">{t('common.all')}</option>
            {PIPELINE_STAGES.map((s) => (
              <option key={s} value={s}>
                {counts ? t('settlement.pipeline.filter.stageCount', { stage: labels.stage(s), count: counts[s] ?? 0 }) : labels.stage(s)}
              </option>
            ))}
          </SelectField>
        </div>
        <Switch
          label={t('settlement.pipeline.filter.includeFinished')}
          description={t('settlement.pipeline.filter.includeFinishedHint')}
          checked={filter.includeFinished}
          onChange={(e) => onFilter({ ...filter, includeFinished: e.target.checked })}
        />
        <ToggleGroup aria-label={t('settlement.pipeline.view.label')} value={view} onChange={(v) => onView(v === 'list' ? 'list' : 'board')} data-size="sm">
          <ToggleGroup.Item value="board">{t('settlement.pipeline.view.board')}</ToggleGroup.Item>
          <ToggleGroup.Item value="list">{t('settlement.pipeline.view.list')}</ToggleGroup.Item>
        </ToggleGroup>
      </section>

      <section className="section" aria-labelledby="pipeline-households" aria-busy={loading}>
        <Heading level={2} data-size="sm" id="pipeline-households">
          {t('settlement.pipeline.households')}
        </Heading>
        {error ? <ApiErrorAlert error={error} /> : null}
        <div role="status">
          {!pipeline && loading ? <Spinner aria-label={t('common.loading')} /> : null}
          {pipeline ? <Paragraph>{total === 0 ? t('settlement.pipeline.empty') : t('settlement.pipeline.count', { count: total })}</Paragraph> : null}
        </div>
        {pipeline && total > 0 ? view === 'board' ? <Board items={pipeline.items} stage={filter.stage} /> : <List items={pipeline.items} /> : null}
      </section>

      {pipeline?.can.edit ? (
        <NewCaseDialog open={creating} initialHousehold={initialHousehold} onClose={() => setCreating(false)} onSearchPeople={onSearchPeople} onCreate={onCreate} />
      ) : null}
    </>
  );
}

function NextStep({ item }: { item: PipelineItem }) {
  const { t } = useTranslation();
  const labels = useSettlementLabels();
  const formatDate = useFormatDate();
  if (!item.nextStep) return <>{t('settlement.pipeline.noNextStep')}</>;
  return (
    <>
      {labels.nextStep(item.nextStep)}
      {item.nextStepDue ? ` – ${t('settlement.pipeline.due', { date: formatDate(item.nextStepDue) })}` : ''}
      {item.overdue ? (
        <>
          {' '}
          <Tag data-color="danger" data-size="sm">
            {t('tasks.overdue')}
          </Tag>
        </>
      ) : null}
    </>
  );
}

function Timing({ item }: { item: PipelineItem }) {
  const { t } = useTranslation();
  const labels = useSettlementLabels();
  const formatDate = useFormatDate();
  return (
    <>
      <Tag data-color={timingColor(item.timing.status)} data-size="sm">
        {labels.timing(item.timing.status)}
      </Tag>{' '}
      <span className="timing-text">{timingText(item.timing, t, formatDate)}</span>
    </>
  );
}

function HouseholdLink({ item }: { item: PipelineItem }) {
  return (
    <DsLink asChild>
      <Link to="/settlement/cases/$id" params={{ id: item.id }}>
        <bdi>{item.householdName}</bdi>
      </Link>
    </DsLink>
  );
}

function Board({ items, stage }: { items: PipelineItem[]; stage: PipelineStage | undefined }) {
  const { t } = useTranslation();
  const labels = useSettlementLabels();
  const formatNumber = useFormatNumber();
  return (
    <ScrollRegion labelledBy="pipeline-households">
      <div className="board">
        {boardColumns(items, stage).map((column) => (
          <section key={column.stage} className="board-column" aria-labelledby={`stage-${column.stage}`}>
            <Heading level={3} data-size="2xs" id={`stage-${column.stage}`}>
              {t('settlement.pipeline.filter.stageCount', { stage: labels.stage(column.stage), count: column.items.length })}
            </Heading>
            {column.items.length === 0 ? (
              <Paragraph data-size="sm">{t('settlement.pipeline.columnEmpty')}</Paragraph>
            ) : (
              <ul className="board-cards">
                {column.items.map((item) => (
                  <li key={item.id} className="board-card">
                    <Heading level={4} data-size="2xs">
                      <HouseholdLink item={item} />
                    </Heading>
                    <Paragraph data-size="sm">
                      {t('settlement.pipeline.members', { count: item.memberCount, n: formatNumber(item.memberCount) })}
                      {item.imdiReference ? ` · ${t('settlement.pipeline.reference', { reference: item.imdiReference })}` : ''}
                    </Paragraph>
                    <Paragraph data-size="sm">
                      <NextStep item={item} />
                    </Paragraph>
                    <Paragraph data-size="sm">
                      <Timing item={item} />
                    </Paragraph>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </ScrollRegion>
  );
}

function List({ items }: { items: PipelineItem[] }) {
  const { t } = useTranslation();
  const labels = useSettlementLabels();
  const formatNumber = useFormatNumber();
  return (
    <ScrollRegion labelledBy="pipeline-households">
      <Table zebra border className="wide-table">
        <caption>{t('settlement.pipeline.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('settlement.pipeline.columns.household')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('settlement.pipeline.columns.members')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('settlement.pipeline.columns.stage')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('settlement.pipeline.columns.nextStep')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('settlement.pipeline.columns.reference')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('settlement.pipeline.columns.timing')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((item) => (
            <Table.Row key={item.id}>
              <Table.HeaderCell scope="row">
                <HouseholdLink item={item} />
              </Table.HeaderCell>
              <Table.Cell>{formatNumber(item.memberCount)}</Table.Cell>
              <Table.Cell>{labels.stage(item.stage)}</Table.Cell>
              <Table.Cell>
                <NextStep item={item} />
              </Table.Cell>
              <Table.Cell>{item.imdiReference ?? '–'}</Table.Cell>
              <Table.Cell>
                <Timing item={item} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}
