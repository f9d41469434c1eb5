// The trail above an asset's pages: Catalog / asset, or Catalog / asset / page.
import { assetPath, h, link } from '../dom';

/** On the asset's own page (no page) the asset is plain text; on one of its other pages it links back. */
export function breadcrumb(asset: string, page?: string): HTMLElement {
  return h('nav', { className: 'breadcrumb', 'aria-label': 'Breadcrumb' }, link('/', 'Catalog'), ' / ',
    page ? [link(assetPath(asset), asset), ` / ${page}`] : asset);
}
