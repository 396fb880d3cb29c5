// Svelte 5 reads TypeScript in <script lang="ts"> natively (type annotations only): no preprocessor.
export default {
  compilerOptions: { runes: true },
};
