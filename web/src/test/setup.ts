import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import i18n from '@/lib/i18n';

// Tests read English; each test starts from a clean document.
void i18n.changeLanguage('en');
afterEach(() => cleanup());
