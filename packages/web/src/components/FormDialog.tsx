import { useId, useState, type ReactNode } from 'react';
import { Alert, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

export type FormDialogProps = {
  open: boolean;
  title: string;
  onClose: () => void;
  wide?: boolean;
  /**
   * The dialog's content, rendered only while it is open (so a form starts over each time).
   * `reloaded` wraps a reload after a version conflict and then says "you now see the latest".
   */
  children: (helpers: { reloaded: (reload: () => Promise<void>) => () => Promise<void>; close: () => void }) => ReactNode;
};

/**
 * A modal with a heading and a form. After a version conflict the form offers to load the latest
 * data; once loaded, the dialog says so until it closes. Escape and the close button close it.
 */
export function FormDialog({ open, title, onClose, wide, children }: FormDialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [reloaded, setReloaded] = useState(false);
  const close = () => {
    setReloaded(false);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} closeButton={t('common.closeDialog')} aria-labelledby={headingId} className={wide ? 'dialog-wide' : undefined}>
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={headingId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        {reloaded ? (
          <Alert data-color="info">
            <Paragraph>{t('common.reloaded')}</Paragraph>
          </Alert>
        ) : null}
        {open
          ? children({
              reloaded: (reload) => async () => {
                await reload();
                setReloaded(true);
              },
              close,
            })
          : null}
      </Dialog.Block>
    </Dialog>
  );
}
