// Lint rules for the whole workspace. The module-boundary rule keeps the architecture's arrows pointing down:
// apps wire libraries together; features (the API, the job use-cases) use the core; core libraries (data, model) never reach the store or an app;
// libs/metrics depends on nothing of ours.
import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/node_modules', '**/dist', '**/.next', '**/generated', '**/next-env.d.ts', '**/*.cjs', '**/*.mjs'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // apps (the `vad` command, the API and worker processes, the dashboard) wire libraries together and never import each other
            { sourceTag: 'type:entry', onlyDependOnLibsWithTags: ['type:feature', 'type:core', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:core', 'type:data-access', 'type:util'] },
            // features (the API, the job use-cases) are independent of one another
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:core', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:metrics', onlyDependOnLibsWithTags: ['scope:metrics'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
];
