import { useId, useState, type FormEvent } from 'react';
import { Button, Dialog, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { useFormatDate } from '../../i18n/format.ts';

export type PersonSearchDialogProps = {
  open: boolean;
  heading: string;
  /** Text of each result's button ("Velg"); the person's name follows for screen readers. */
  selectLabel: string;
  /** Offer only people who live in a household (to choose the household), and say so. */
  householdsOnly?: boolean;
  /** A person never offered (e.g. the one being edited, as their own reference person). */
  excludeId?: string | undefined;
  onSearch: (q: string) => Promise<PersonSummary[]>;
  onSelect: (person: PersonSummary) => void;
  onClose: () => void;
};

/**
 * Find and choose a person with the people search: a dialog with its own search form, placed outside
 * any other form (forms do not nest). The search goes in a POST body, never the URL, and what was
 * searched for is forgotten when the dialog closes.
 */
export function PersonSearchDialog({ open, heading, selectLabel, householdsOnly, excludeId, onSearch, onSelect, onClose }: PersonSearchDialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const inputId = useId();
  const formatDate = useFormatDate();
  const [q, setQ] = useState('');
  const [state, setState] = useState<{ pending: boolean; items: PersonSummary[] | null; error: unknown }>({ pending: false, items: null, error: null });

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setState({ pending: true, items: state.items, error: null });
    try {
      const items = (await onSearch(q.trim())).filter((p) => p.id !== excludeId);
      setState({ pending: false, items, error: null });
    } catch (error) {
      setState({ pending: false, items: null, error });
    }
  };

  const close = () => {
    setQ('');
    setState({ pending: false, items: null, error: null });
    onClose();
  };

  return (
    <Dialog open={open} onClose={close} closeButton={t('common.closeDialog')} aria-labelledby={headingId} className="dialog-wide">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={headingId}>
          {heading}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form onSubmit={(e) => void search(e)} className="form" role="search" aria-labelledby={headingId}>
          <TextField
            id={inputId}
            label={t('people.search.q')}
            description={householdsOnly ? t('people.pick.householdHint') : undefined}
            type="search"
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <div className="button-row">
            <Button type="submit" loading={state.pending} disabled={state.pending}>
              {t('people.search.submit')}
            </Button>
          </div>
        </form>
        {state.error ? <ApiErrorAlert error={state.error} /> : null}
        <div role="status" className="mt">
          {state.pending && !state.items ? <Spinner aria-label={t('common.loading')} /> : null}
          {state.items ? <Paragraph>{state.items.length === 0 ? t('people.results.empty') : t('people.results.count', { count: state.items.length })}</Paragraph> : null}
        </div>
        {state.items && state.items.length > 0 ? (
          <Table zebra border data-size="sm" className="mt">
            <caption className="ds-sr-only">{t('people.sponsor.results')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('people.columns.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('people.columns.birthDate')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {state.items.map((p) => (
                <Table.Row key={p.id}>
                  <Table.HeaderCell scope="row">
                    <bdi>{`${p.givenName} ${p.familyName}`}</bdi>
                  </Table.HeaderCell>
                  <Table.Cell>{formatDate(p.birthDate)}</Table.Cell>
                  <Table.Cell>
                    {householdsOnly && !p.householdId ? (
                      t('people.results.noHousehold')
                    ) : (
                      <Button
                        type="button"
                        variant="tertiary"
                        data-size="sm"
                        onClick={() => {
                          onSelect(p);
                          close();
                        }}
                      >
                        {selectLabel}
                        <span className="ds-sr-only">
                          {' '}
                          <bdi>{`${p.givenName} ${p.familyName}`}</bdi>
                        </span>
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : null}
      </Dialog.Block>
    </Dialog>
  );
}
