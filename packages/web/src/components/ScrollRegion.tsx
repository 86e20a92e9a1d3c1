import type { ReactNode } from 'react';

/** A wide table's frame: scrolls sideways on narrow screens instead of breaking the page's layout. */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // Content that scrolls must be reachable by keyboard (WCAG 2.1.1), so the region itself takes focus.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="scroll-region" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
