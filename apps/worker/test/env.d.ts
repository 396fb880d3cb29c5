// Vite's `?raw` imports (the README, the _headers file) in tests.
declare module '*?raw' {
  const text: string;
  // eslint-disable-next-line no-restricted-exports -- how Vite types ?raw modules
  export default text;
}
