// Shared set-up for component tests (the root Vitest config has no per-project setup files).
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { changeLanguage } from '../i18n/index.ts';

// happy-dom lacks the Web Animations API that Designsystemet's Spinner synchronises with.
if (typeof document.getAnimations !== 'function') document.getAnimations = () => [];

await changeLanguage('nb');
afterEach(cleanup);
