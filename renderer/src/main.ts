import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '@fontsource/atkinson-hyperlegible-mono/400.css';
import '@fontsource/atkinson-hyperlegible-mono/700.css';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { guardNavigation, guardPrintInEveryFrame } from './lib/lockdown/page-guards';

// Before the app mounts: the loopback shell has only the page to hold these LOCKDOWN rows.
guardPrintInEveryFrame();
guardNavigation();

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');

export default mount(App, { target });
