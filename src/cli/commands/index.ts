import type { Command } from '../io.js';

/**
 * Every sub-command, loaded on demand so that `iamspec eval` never loads the AppSpec half.
 * Add one line per command.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  'check-deployment': async () => (await import('./check-deployment.js')).command,
  eval: async () => (await import('./eval.js')).command,
  lint: async () => (await import('./lint.js')).command,
  plan: async () => (await import('./plan.js')).command,
  'who-can': async () => (await import('./who-can.js')).command,
};
