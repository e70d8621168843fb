import type { APIRoute, GetStaticPaths } from 'astro';
import { defaultLang, type Lang, languages } from '../../../content-models/locales';
import { webManifestResponse } from '../../lib/web-manifest';

// The web app manifest of each language's site (site/lib/web-manifest.ts).
export const getStaticPaths = (() =>
  languages.map((lang) => ({ params: { lang: lang === defaultLang ? undefined : lang }, props: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ lang: Lang }> = ({ props }) => webManifestResponse(props.lang);
