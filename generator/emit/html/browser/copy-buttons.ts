import { byId } from './dom.js';

/** Copy buttons for the snippets; the clipboard API first, then a selection copy (pages from disk). */
export function wireCopyButtons(): void {
  const status = byId('copy-status');
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-copy]'))) {
    button.addEventListener('click', async () => {
      const source = byId(button.dataset.copy!);
      const label = source.closest('.snippet')?.querySelector('h4')?.textContent ?? 'snippet';
      const text = source.textContent ?? '';
      let copied = false;
      try {
        await navigator.clipboard.writeText(text);
        copied = true;
      } catch {
        copied = selectAndCopy(source);
      }
      status.textContent = copied ? `Copied the ${label} snippet.` : `Select the ${label} snippet and copy it with the keyboard.`;
    });
  }
}

function selectAndCopy(source: HTMLElement): boolean {
  const range = document.createRange();
  range.selectNodeContents(source);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
