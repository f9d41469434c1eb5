// The pages of the app: a path pattern, the view that draws it, and the main-menu entry marked as current.
import type { Route } from './router';
import { renderCatalog } from './views/catalog';
import { renderAsset } from './views/asset';
import { renderLineage } from './views/lineage';
import { renderWhatIf } from './views/whatif';
import { renderInbox } from './views/inbox';
import { renderHealth } from './views/health';

export const routes: Route[] = [
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
