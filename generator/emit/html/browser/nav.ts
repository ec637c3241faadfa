import { el } from './dom.js';

/** `assets/nav-data.js`: resource groups of `[file, title, method, path]`. */
type NavData = [string, [string, string, string, string][]][];

/**
 * Every page's navigation: all operations grouped by resource, from the shared `nav-data.js` (one
 * cached file, so 468 links are not repeated in each page). The current page's link is marked with
 * `aria-current="page"`; the filter narrows the list as you type; on narrow screens the list hides
 * behind the Menu button.
 */
function start(): void {
  const nav = document.getElementById('site-nav');
  const list = document.getElementById('nav-list');
  const filter = document.getElementById('nav-filter') as HTMLInputElement | null;
  const count = document.getElementById('nav-count');
  const toggle = document.getElementById('nav-toggle') as HTMLButtonElement | null;
  const data = (window as unknown as { sdkgenNav?: NavData }).sdkgenNav;
  if (!nav || !list || !filter || !count || !toggle || !data) return;
  document.documentElement.classList.add('has-nav-script');

  const here = decodeURIComponent(location.pathname.split('/').pop() ?? '');
  const items: { li: HTMLLIElement; text: string }[] = [];
  const groups: { section: HTMLLIElement; members: HTMLLIElement[] }[] = [];
  let current: HTMLAnchorElement | undefined;
  const tree = el('ul', { class: 'nav-groups' });
  data.forEach(([title, operations], groupIndex) => {
    const headingId = `nav-group-${groupIndex}`;
    const members: HTMLLIElement[] = [];
    const links = el('ul', { class: 'nav-ops', 'aria-labelledby': headingId });
    for (const [file, opTitle, method, path] of operations) {
      const link = el('a', { href: file }, [el('span', { class: `method method-${method.toLowerCase()}`, 'aria-hidden': 'true' }, [method === 'DELETE' ? 'DEL' : method]), el('span', { class: 'nav-title' }, [opTitle])]);
      link.title = `${method} ${path}`;
      if (file === here) {
        link.setAttribute('aria-current', 'page');
        current = link;
      }
      const li = el('li', {}, [link]);
      links.append(li);
      members.push(li);
      items.push({ li, text: `${opTitle} ${method} ${path} ${file} ${title}`.toLowerCase() });
    }
    const section = el('li', { class: 'nav-group' }, [el('span', { class: 'nav-group-title', id: headingId }, [title]), links]);
    groups.push({ section, members });
    tree.append(section);
  });
  list.replaceChildren(tree);

  const apply = () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of items) {
      item.li.hidden = !words.every((w) => item.text.includes(w));
      if (!item.li.hidden) shown += 1;
    }
    for (const group of groups) group.section.hidden = group.members.every((m) => m.hidden);
    count.textContent = words.length ? `${shown} of ${items.length} operations match.` : `${items.length} operations.`;
  };
  filter.addEventListener('input', apply);
  filter.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    // Enter opens the first match: filter, then go.
    event.preventDefault();
    items.find((item) => !item.li.hidden)?.li.querySelector('a')?.click();
  });
  apply();

  const setOpen = (open: boolean) => {
    toggle.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  };
  toggle.hidden = false;
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    setOpen(open);
    if (open) filter.focus();
  });
  nav.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && nav.classList.contains('open')) {
      setOpen(false);
      toggle.focus();
    }
  });
  // The current operation in view inside the sidebar, without moving the page itself.
  if (current) list.scrollTop = Math.max(0, current.offsetTop - list.clientHeight / 3);
}

start();
