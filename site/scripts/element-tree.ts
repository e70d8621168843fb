import type { ElementTree } from '../lib/my-programme-card';

/**
 * Elements from a tree of the build's (site/lib/my-programme-card.ts): `createElement`,
 * `setAttribute` and text nodes only, never markup parsed; an event-handler attribute is dropped,
 * so the data can carry text and attributes but no behaviour.
 */
export function buildTree(doc: Document, [tag, attributes, ...children]: ElementTree): HTMLElement {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (!/^on/i.test(name)) el.setAttribute(name, value);
  el.append(...children.map((child) => (typeof child === 'string' ? child : buildTree(doc, child))));
  return el;
}
