import { useState } from 'react';
import { Button, Heading, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@eidor/contract';
import { FormDialog } from '../../components/FormDialog.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useFormatDate, useFormatKroner } from '../../i18n/format.ts';
import { useSettlementLabels } from '../settlement/labels.ts';
import { DwellingForm } from './DwellingForm.tsx';
import { emptyDwelling, type Dwelling } from './dwelling-form.ts';
import { HousingNav } from './HousingNav.tsx';

export type DwellingList = ResponseOf<'listDwellings'>;
export type DwellingSummary = DwellingList['items'][number];

export type DwellingsPageProps = {
  list: DwellingList;
  /** Add the dwelling; the caller goes on to its page. */
  onCreate: (dwelling: Dwelling) => Promise<void>;
};

/** The register of dwellings: who lives where, what is vacant, and leases that end soon. */
export function DwellingsPage({ list, onCreate }: DwellingsPageProps) {
  const { t } = useTranslation();
  const labels = useSettlementLabels();
  const formatDate = useFormatDate();
  const formatKroner = useFormatKroner();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeading>{t('housing.title')}</PageHeading>
      <HousingNav />
      <Paragraph>{t('housing.intro')}</Paragraph>
      {list.can.create ? (
        <div className="button-row page-actions">
          <Button onClick={() => setCreating(true)}>{t('housing.new')}</Button>
        </div>
      ) : null}
      <section className="section" aria-labelledby="dwellings">
        <Heading level={2} data-size="sm" id="dwellings">
          {t('housing.list.heading')}
        </Heading>
        {list.items.length === 0 ? (
          <Paragraph>{t('housing.list.empty')}</Paragraph>
        ) : (
          <ScrollRegion labelledBy="dwellings">
            <Table zebra border className="wide-table">
              <caption className="ds-sr-only">{t('housing.list.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('housing.fields.address')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('housing.fields.kind')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('housing.fields.rooms')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('housing.fields.monthlyRent')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('housing.fields.landlord')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('housing.fields.lease')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('housing.fields.occupancy')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('housing.fields.household')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.items.map((d) => (
                  <Table.Row key={d.id}>
                    <Table.HeaderCell scope="row">
                      <DsLink asChild>
                        <Link to="/housing/$id" params={{ id: d.id }}>
                          {d.address}
                        </Link>
                      </DsLink>
                    </Table.HeaderCell>
                    <Table.Cell>{labels.dwellingKind(d.kind)}</Table.Cell>
                    <Table.Cell>{d.rooms}</Table.Cell>
                    <Table.Cell>{formatKroner(d.monthlyRent)}</Table.Cell>
                    <Table.Cell>{d.landlord ?? '–'}</Table.Cell>
                    <Table.Cell>
                      {d.leaseEnd ? t('housing.leasePeriod', { from: formatDate(d.leaseStart), to: formatDate(d.leaseEnd) }) : t('housing.leaseFrom', { from: formatDate(d.leaseStart) })}
                      {d.leaseWarning ? (
                        <>
                          {' '}
                          <Tag data-color="warning" data-size="sm">
                            {t('housing.leaseWarning')}
                          </Tag>
                        </>
                      ) : null}
                    </Table.Cell>
                    <Table.Cell>
                      <Occupancy dwelling={d} />
                    </Table.Cell>
                    <Table.Cell>
                      {d.currentHouseholdId && d.currentHouseholdName ? (
                        <DsLink asChild>
                          <Link to="/households/$id" params={{ id: d.currentHouseholdId }}>
                            <bdi>{d.currentHouseholdName}</bdi>
                          </Link>
                        </DsLink>
                      ) : (
                        '–'
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        )}
      </section>
      <FormDialog open={creating} title={t('housing.new')} onClose={() => setCreating(false)}>
        {({ close }) => (
          <DwellingForm
            id="dwelling-new"
            defaultValues={emptyDwelling}
            submitLabel={t('housing.create')}
            showStatus={false}
            onSubmit={async (dwelling) => {
              await onCreate(dwelling);
              close();
            }}
            onCancel={close}
          />
        )}
      </FormDialog>
    </>
  );
}

/** Occupied, vacant or no longer in use: a tag whose text says it (not the colour alone). */
export function Occupancy({ dwelling }: { dwelling: Pick<DwellingSummary, 'status' | 'occupied'> }) {
  const { t } = useTranslation();
  if (dwelling.status === 'terminated') return <Tag data-color="neutral" data-size="sm">{t('housing.status.terminated')}</Tag>;
  return dwelling.occupied ? (
    <Tag data-color="info" data-size="sm">
      {t('housing.occupied')}
    </Tag>
  ) : (
    <Tag data-color="warning" data-size="sm">
      {t('housing.vacant')}
    </Tag>
  );
}
