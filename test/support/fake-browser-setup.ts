import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// WxtVitest registers this setup at the root only; vitest projects do not inherit it.
vi.stubGlobal('chrome', fakeBrowser);
vi.stubGlobal('browser', fakeBrowser);
