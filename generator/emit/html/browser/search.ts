/**
 * The index page's search: filters the operation list as you type, and keeps the query in the
 * address (`index.html#q=customer`), so a search is a link.
 */
function start(): void {
  const input = document.getElementById('search') as HTMLInputElement | null;
  const count = document.getElementById('search-count');
  const none = document.getElementById('no-results');
  if (!input || !count || !none) return;
  const items = Array.from(document.querySelectorAll<HTMLLIElement>('li[data-search]'));
  const sections = Array.from(document.querySelectorAll<HTMLElement>('section.resource'));

  const apply = () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of items) {
      const text = item.dataset.search ?? '';
      const match = words.every((w) => text.includes(w));
      item.hidden = !match;
      if (match) shown += 1;
    }
    for (const section of sections) section.hidden = !section.querySelector('li[data-search]:not([hidden])');
    none.hidden = shown > 0;
    count.textContent = words.length ? `${shown} of ${items.length} operations match.` : `${items.length} operations.`;
  };

  const fromHash = () => {
    const match = /^#q=(.*)$/.exec(location.hash);
    if (!match) return;
    try {
      input.value = decodeURIComponent(match[1]!);
    } catch {
      input.value = match[1]!;
    }
  };

  input.addEventListener('input', () => {
    history.replaceState(null, '', input.value ? `#q=${encodeURIComponent(input.value)}` : location.pathname + location.search);
    apply();
  });
  window.addEventListener('hashchange', () => {
    fromHash();
    apply();
  });
  fromHash();
  apply();
}

start();
