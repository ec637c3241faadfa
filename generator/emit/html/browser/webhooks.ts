import { wireCopyButtons } from './copy-buttons.js';

/** The webhooks page: its snippets' Copy buttons (the page has no Try-it). */
wireCopyButtons();
