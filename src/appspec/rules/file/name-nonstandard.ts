import type { AppSpecRule } from '../types.js';
import { baseName, EC2_NAMES } from './names.js';

const SERVICE_NAMES: readonly string[] = ['appspec.yaml', 'appspec.yml', 'appspec.json'];

/** `file/name-nonstandard`: the file is not named appspec.yml/appspec.yaml (EC2) or appspec.yaml/.yml/.json (ECS, Lambda). */
export const nameNonstandard: AppSpecRule = {
  meta: {
    id: 'file/name-nonstandard',
    defaultSeverity: 'warning',
    platforms: 'all',
    category: 'file',
    description:
      'The file name is not a name CodeDeploy looks for (warning for EC2/On-Premises, info for ECS and Lambda).',
    rationale:
      'The EC2 agent reads only appspec.yml or appspec.yaml at the bundle root, unless the build renames the file or a local deployment sets the name.',
    badExample: 'appspec-prod.yml',
    goodExample: 'appspec.yml',
  },
  check(ctx) {
    if (ctx.fileName === undefined) return;
    const base = baseName(ctx.fileName);
    const lower = base.toLowerCase();
    if (ctx.platform === 'server') {
      if (EC2_NAMES.includes(lower)) return; // exact names are fine; case variants are file/name-case
      ctx.report({
        range: [0, 0],
        message: `The CodeDeploy agent looks for appspec.yml (or appspec.yaml), not '${base}'.`,
        suggestions: ['appspec.yml'],
        help: 'Rename it, or make sure the build copies it to appspec.yml at the bundle root.',
      });
    } else if (ctx.platform === 'ecs' || ctx.platform === 'lambda') {
      if (SERVICE_NAMES.includes(base)) return;
      ctx.report({
        range: [0, 0],
        severity: 'info',
        message: `'${base}' is not a conventional AppSpec name; that is fine outside archives, but a .zip revision must hold appspec.yaml.`,
        suggestions: ['appspec.yaml'],
      });
    }
  },
};
