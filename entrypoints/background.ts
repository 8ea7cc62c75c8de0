import { defineBackground } from 'wxt/utils/define-background';
import { registerBackground } from '../lib/background/register';
import { createServices } from '../lib/background/services';

export default defineBackground({
  // Classic, not a module: the worker is built on its own (with the polyfill) into one file,
  // which starts faster from cold than a graph of shared chunks.
  main: () => registerBackground(createServices()),
});
