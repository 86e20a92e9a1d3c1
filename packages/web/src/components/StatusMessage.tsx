import type { ReactNode } from 'react';
import { Alert } from '@digdir/designsystemet-react';

/** A success message in a polite live region, announced without moving focus. */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div role="status">
      {children ? <Alert data-color="success">{children}</Alert> : null}
    </div>
  );
}
