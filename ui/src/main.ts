import './style.css';
import { renderCatalog } from './views/catalog';
import { renderAsset } from './views/asset';
import { renderLineage } from './views/lineage';
import { renderWhatIf } from './views/whatif';
import { renderInbox } from './views/inbox';
import { renderHealth } from './views/health';

/** A view draws itself into main; it may return a clean-up function called before the next view. */
export type Cleanup = () => void;
type View = (main: HTMLElement, params: string[], search: URLSearchParams) => Promise<Cleanup | void> | Cleanup | void;

const routes: [RegExp, View, string][] = [
  [/^\/$/, renderCatalog, 'catalog'],
  [/^\/assets\/([^/]+)$/, renderAsset, 'catalog'],
  [/^\/lineage\/?$/, renderLineage, 'lineage'],
  [/^\/lineage\/([^/]+)$/, renderLineage, 'lineage'],
  [/^\/what-if\/?$/, renderWhatIf, 'what-if'],
  [/^\/what-if\/([^/]+)$/, renderWhatIf, 'what-if'],
  [/^\/health\/?$/, renderHealth, 'health'],
  [/^\/inbox\/?$/, renderInbox, 'inbox'],
  [/^\/inbox\/([^/]+)$/, renderInbox, 'inbox'],
];

const main = document.getElementById('main') as HTMLElement;
let cleanup: Cleanup | void;

async function render(focus: boolean): Promise<void> {
  // A filter change re-renders the view in place: give the focus back to the control that had it.
  const focusedId = focus ? '' : document.activeElement?.id ?? '';
  if (cleanup) cleanup();
  cleanup = undefined;
  rendered = location.pathname + location.search;
  main.replaceChildren();
  const path = location.pathname;
  for (const [pattern, view, section] of routes) {
    const match = pattern.exec(path);
    if (!match) continue;
    document.querySelectorAll<HTMLAnchorElement>('[data-nav]').forEach((anchor) => {
      if (anchor.dataset.nav === section) anchor.setAttribute('aria-current', 'page');
      else anchor.removeAttribute('aria-current');
    });
    cleanup = await view(main, match.slice(1).map(decodeURIComponent), new URLSearchParams(location.search));
    if (focus) main.focus({ preventScroll: false });
    else if (focusedId) document.getElementById(focusedId)?.focus();
    return;
  }
  const heading = document.createElement('h1');
  heading.textContent = 'Page not found';
  const back = document.createElement('a');
  back.href = '/';
  back.textContent = 'Back to the catalog';
  main.append(heading, back);
}

/** Navigates inside the app; replace=true keeps the history clean for filter changes. */
export function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  void render(!replace);
}

document.addEventListener('click', (event) => {
  const anchor = (event.target as Element).closest('a');
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  if (anchor.target || anchor.hasAttribute('data-external') || anchor.origin !== location.origin) return;
  if ((anchor.getAttribute('href') ?? '').startsWith('#')) return;
  const path = anchor.pathname;
  if (path.startsWith('/api/') || path.startsWith('/q/')) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
});

// Following an in-page link (the skip link) changes only the hash, and must not redraw the view.
let rendered = location.pathname + location.search;
window.addEventListener('popstate', () => {
  if (location.pathname + location.search === rendered) return;
  void render(false);
});
void render(false);
