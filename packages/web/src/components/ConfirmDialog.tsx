import { useId, type ReactNode } from 'react';
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './ApiErrorAlert.tsx';

export type ConfirmDialogProps = {
  open: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  /** Load the latest data after a version conflict. */
  onReload?: () => Promise<void>;
};

/** A modal question with one action and "Cancel". Escape and the close button cancel. */
export function ConfirmDialog({ open, title, body, confirmLabel, danger, pending, error, onConfirm, onCancel, onReload }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Dialog open={open} onClose={onCancel} closeButton={t('common.closeDialog')} aria-labelledby={headingId}>
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={headingId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph>{body}</Paragraph>
        {error ? <ApiErrorAlert error={error} onReload={onReload} /> : null}
        <div className="button-row">
          <Button data-color={danger ? 'danger' : undefined} onClick={onConfirm} loading={pending} disabled={pending}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
