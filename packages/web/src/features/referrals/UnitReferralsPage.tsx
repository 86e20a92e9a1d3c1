import { Button, Checkbox, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@eidor/contract';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { ReferralCard, type ReferralAction } from './ReferralCard.tsx';

export type UnitReferralsPageProps = {
  box: 'in' | 'out';
  status: 'open' | 'all';
  view: ResponseOf<'unitReferrals'>;
  done: string | null;
  onFilter: (f: { box: 'in' | 'out'; status: 'open' | 'all' }) => void;
  onAct: (referralId: string, version: number, action: ReferralAction, text: string | null) => Promise<void>;
};

/** "My unit's referrals": received (in) or sent (out), open by default. */
export function UnitReferralsPage({ box, status, view, done, onFilter, onAct }: UnitReferralsPageProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('referrals.title')}</PageHeading>
      <Paragraph>{t('referrals.intro')}</Paragraph>
      <div className="actions" role="group" aria-label={t('referrals.title')}>
        <Button variant={box === 'in' ? 'primary' : 'secondary'} aria-pressed={box === 'in'} onClick={() => onFilter({ box: 'in', status })}>
          {t('referrals.inbox')}
        </Button>
        <Button variant={box === 'out' ? 'primary' : 'secondary'} aria-pressed={box === 'out'} onClick={() => onFilter({ box: 'out', status })}>
          {t('referrals.outbox')}
        </Button>
      </div>
      <Checkbox label={t('referrals.showClosed')} checked={status === 'all'} onChange={(e) => onFilter({ box, status: e.target.checked ? 'all' : 'open' })} />
      <StatusMessage>{done}</StatusMessage>
      {view.items.length === 0 ? <Paragraph>{t('referrals.empty')}</Paragraph> : null}
      {view.items.map((r) => (
        <ReferralCard key={r.id} referral={r} headingLevel={2} onAct={(a, text) => onAct(r.id, r.version, a, text)} />
      ))}
    </>
  );
}
