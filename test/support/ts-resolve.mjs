// Lets Node run the project's TypeScript directly (npm run bench): lib/ imports its modules
// without extensions, as the bundler allows; Node strips the types but needs the file name.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!specifier.startsWith('.')) throw error;
      return nextResolve(`${specifier}.ts`, context);
    }
  },
});
