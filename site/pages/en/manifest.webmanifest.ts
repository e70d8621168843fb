import type { APIRoute } from 'astro';
import { webManifestResponse } from '../../lib/web-manifest';

// The web app manifest of the English site (site/lib/web-manifest.ts).
export const GET: APIRoute = () => webManifestResponse('en');
