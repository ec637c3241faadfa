import { byId } from './dom.js';

/**
 * Copy buttons (`data-copy` names the element to copy): the clipboard API first, then a selection
 * copy (pages from disk). The button says "Copied" for a moment, and the page's status region
 * announces it to screen readers.
 */
export function wireCopyButtons(): void {
  const status = byId('copy-status');
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-copy]'))) {
    const idle = button.textContent ?? 'Copy';
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener('click', async () => {
      const source = byId(button.dataset.copy!);
      const label = button.dataset.label ?? 'snippet';
      const text = source.textContent ?? '';
      let copied = false;
      try {
        await navigator.clipboard.writeText(text);
        copied = true;
      } catch {
        copied = selectAndCopy(source);
      }
      status.textContent = copied ? `Copied the ${label}.` : `Select the ${label} and copy it with the keyboard.`;
      button.textContent = copied ? 'Copied' : 'Select and copy';
      clearTimeout(timer);
      timer = setTimeout(() => (button.textContent = idle), 2000);
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
