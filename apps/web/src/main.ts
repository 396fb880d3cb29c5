import { mount } from 'svelte';
import App from './App.svelte';
import './styles/theme.css';
import './styles/markdown.css';
import { detectLocale } from './lib/i18n/index.js';
import { browserStorage } from './lib/storage/index.js';

const languages = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
const locale = detectLocale(languages);
document.documentElement.lang = locale;

// Where the app's own work starts (its code loaded): what opening a conversation is measured from.
performance.mark('edgechat:start');
const target = document.getElementById('app');
if (target === null) throw new Error('#app is missing from index.html');
mount(App, {
  target,
  props: {
    locale,
    storage: browserStorage(),
    wide: window.matchMedia('(min-width: 800px)').matches,
  },
});
