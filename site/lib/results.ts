import { type Lang, pagePath } from '../../content-models/routes';
import { t } from '../i18n';
import type { Site } from './content/model';

/**
 * What the event has left behind, for the footer and the home page's "after the event" block
 * (issue #20): the report and products pages, each with whether it holds anything yet, and how
 * many sessions have materials. Both pages always exist (empty, they say what will appear there).
 */
export interface ResultLink {
  kind: 'report' | 'products';
  href: string;
  label: string;
  /** The page has content beyond its "will be published after the event" note. */
  ready: boolean;
}

export interface Results {
  links: ResultLink[];
  /** Sessions with at least one material, in programme order. */
  sessionsWithMaterials: Site['sessions'];
  /** Anything at all to lead with after the event. */
  any: boolean;
}

export function resultsOf(site: Site, lang: Lang): Results {
  const productsReady = site.products.some((p) => p.body || p.file || p.status === 'published');
  const links: ResultLink[] = [
    { kind: 'report', href: pagePath('report', lang), label: t(lang, 'report.title'), ready: site.report !== null },
    { kind: 'products', href: pagePath('products', lang), label: t(lang, 'products.title'), ready: productsReady },
  ];
  const sessionsWithMaterials = site.sessions.filter((s) => s.materials.length > 0);
  return { links, sessionsWithMaterials, any: links.some((l) => l.ready) || sessionsWithMaterials.length > 0 };
}
