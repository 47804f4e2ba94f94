/** Children of {@link h}: text is always set as text, never parsed as HTML. */
export type Child = Node | string | undefined | false;

/**
 * Creates an element with attributes and children. Credential data only ever goes in as text.
 *
 * @example h('p', { class: 'note' }, 'Data from ', time)
 */
export function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) {
    if (child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** The element with this id, which the page's HTML must have. */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`the page has no ${type.name} #${id}`);
  return element;
}

/** A two-column list of label and value, skipping absent values. */
export function facts(rows: [string, string | undefined][]): HTMLElement {
  const list = h('dl', { class: 'facts' });
  for (const [label, value] of rows) {
    if (value === undefined || value === '') continue;
    list.append(h('dt', {}, label), h('dd', {}, value));
  }
  return list;
}
