// Tiny element builder: every text goes through textContent, so data from the API is never parsed as HTML.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'className') {
      element.className = String(value);
    } else if (key === 'style') {
      // Through the CSSOM: the Content-Security-Policy refuses style attributes (style-src-attr).
      element.style.cssText = String(value);
    } else if (value === true) {
      element.setAttribute(key, '');
    } else {
      element.setAttribute(key, String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element: Element): void {
  element.replaceChildren();
}

/** An in-app link: navigates without reloading (see router.ts), but stays a real link for keyboard and new tabs. */
export function link(href: string, text: Child | Child[], attrs: Attrs = {}): HTMLAnchorElement {
  return h('a', { href, 'data-route': true, ...attrs }, text);
}

export function kindBadge(kind: string): HTMLElement {
  return h('span', { className: `badge kind-${kind.toLowerCase()}` }, kind);
}

/** A path through the estate, such as producer → feature → model: each asset a link to its page. */
export function pathLinks(path: string[]): (Node | string)[] {
  return path.flatMap((asset, i) => (i ? [' → ', link(assetPath(asset), asset)] : [link(assetPath(asset), asset)]));
}

/** Field paths, each as code, in one span. */
export function fieldList(fields: string[]): HTMLElement {
  return h('span', { className: 'field-list' }, fields.map((f) => h('code', {}, f)));
}

export function assetPath(name: string): string {
  return `/assets/${encodeURIComponent(name)}`;
}

export function lineagePath(name: string): string {
  return `/lineage/${encodeURIComponent(name)}`;
}

export function whatIfPath(name: string): string {
  return `/what-if/${encodeURIComponent(name)}`;
}

export function message(kind: 'error' | 'info', text: string): HTMLElement {
  return h('p', { className: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function loading(): HTMLElement {
  return h('p', { className: 'message info', role: 'status' }, 'Loading…');
}

/** A section titled by its h2: the heading's id is `${id}-heading`, and the section is labelled by it. */
export function section(id: string, title: string, children: (Child | Child[])[] = [], attrs: Attrs = {}): HTMLElement {
  return h('section', { 'aria-labelledby': `${id}-heading`, ...attrs }, h('h2', { id: `${id}-heading` }, title), ...children);
}

/** A form control with its label before it; the control must have an id. */
export function field(label: string, control: HTMLElement, className = 'field'): HTMLElement {
  return h('div', { className }, h('label', { for: control.id }, label), control);
}

/** A table with a caption and a header row; rows are arrays of cells. */
export function table(caption: string, headers: string[], rows: Child[][], attrs: Attrs = {}): HTMLElement {
  return h('div', { className: 'table-wrap' },
    h('table', attrs,
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** A count and its noun, with an s unless the count is one: "1 asset", "3 assets". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A share (0..1) as a percentage with at most one decimal; a dash when unknown. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toLocaleString('en', { maximumFractionDigits: 1 })}%`;
}

/** A number with three decimals; a dash when unknown. */
export function decimal(value: number | null): string {
  return value === null || value === undefined ? '—' : value.toFixed(3);
}

/** An instant as a time element in the reader's locale, machine-readable in datetime. */
export function time(iso: string): HTMLElement {
  return h('time', { datetime: iso }, new Date(iso).toLocaleString());
}
