import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '@eidor/contract';
import { PersonSearchDialog } from './PersonSearchDialog.tsx';

export type SponsorDialogProps = {
  open: boolean;
  /** The person being edited: never offered as their own reference person. */
  excludeId?: string | undefined;
  onSearch: (q: string) => Promise<PersonSummary[]>;
  onSelect: (person: PersonSummary) => void;
  onClose: () => void;
};

/** Find and choose the reference person (the one a family-reunified person joins). */
export function SponsorDialog(props: SponsorDialogProps) {
  const { t } = useTranslation();
  return <PersonSearchDialog heading={t('people.sponsor.dialogHeading')} selectLabel={t('people.sponsor.select')} {...props} />;
}
