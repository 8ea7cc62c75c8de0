import { defineBackground } from 'wxt/utils/define-background';
import { registerBackground } from '../lib/background/register';
import { createServices } from '../lib/background/services';

export default defineBackground({
  type: 'module',
  main: () => registerBackground(createServices()),
});
