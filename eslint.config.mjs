// Lint: TypeScript rules for all code, Vue rules for the renderer. Type-checking itself is tsc/vue-tsc.
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '**/*.tmp.*', '**/*.json', 'src-main/node/extract/regions/*.json'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      // Formatting is not lint's job here; these conflict with the code style in use.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multi-word-component-names': 'off'
    }
  },
  {
    // The Electron shell is the only code allowed to import electron.
    files: ['src-main/node/**', 'src-main/common/**', 'test/**', 'src-renderer/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src-main/electron may import electron.' }] }] }
  },
  {
    // The store sits below the pipeline: archive/ may use its types, never run it (services/ orchestrates).
    files: ['src-main/node/archive/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../pipeline/*', '../extract/*', '../extract/**'], allowTypeImports: true, message: 'archive/ only stores: run the pipeline from services/.' }] }
      ]
    }
  }
)
