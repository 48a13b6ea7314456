import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';

// Unmount what each test rendered, so queries never see a previous test's component.
afterEach(cleanup);
