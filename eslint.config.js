// @ts-check
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'public/data/**', 'public/feeds/**', '.tmp/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      // Organiser and document text is untrusted: never rendered as HTML.
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The domain core is shared by the build (Node) and the app (browser): it may import neither,
    // nor anything outside itself.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vue', message: 'src/domain/ is pure: no Vue (put it in a composable or a component).' },
            { name: 'pinia', message: 'src/domain/ is pure: no stores.' },
            { name: 'vue-router', message: 'src/domain/ is pure: no router.' },
          ],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'url', 'child_process', 'crypto'], message: 'src/domain/ runs in the browser too: no Node APIs.' },
            { group: ['@/*', '!@/domain', '!@/domain/**'], message: 'src/domain/ imports only from src/domain/.' },
            { group: ['**/scripts/**', '../../scripts/*'], message: 'src/domain/ must not import build scripts.' },
            { group: ['@vue/*', 'vue/*'], message: 'src/domain/ is pure: no Vue.' },
          ],
        },
      ],
    },
  },
)
