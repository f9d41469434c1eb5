// In-app routing: which view draws the page for a path, links that navigate without reloading, and the browser's back
// and forward. It imports no view, so that the views can import navigate from here; routes.ts holds the table.

/** A view draws itself into main; it may return a clean-up function called before the next view. */
export type Cleanup = () => void;
export type View = (main: HTMLElement, params: string[], search: URLSearchParams) => Promise<Cleanup | void> | Cleanup | void;
/** A path pattern (its groups are the view's params), the view that draws it, and the menu section it belongs to. */
export type Route = [RegExp, View, string];

let routes: Route[] = [];
let main: HTMLElement;
let cleanup: Cleanup | void;
// Following an in-page link (the skip link) changes only the hash, and must not redraw the view.
let rendered = '';

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

/** A path with a query string, or the bare path when there are no parameters. */
export function withQuery(path: string, params: URLSearchParams): string {
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Draws the current page into container and from then on follows in-app links and the history. Call it once. */
export function startRouter(container: HTMLElement, table: Route[]): void {
  main = container;
  routes = table;
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
  rendered = location.pathname + location.search;
  window.addEventListener('popstate', () => {
    if (location.pathname + location.search === rendered) return;
    void render(false);
  });
  void render(false);
}
