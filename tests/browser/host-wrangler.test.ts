import { describeHost } from '../support/host-contract';
import { startWrangler } from '../support/hosts';

// Cloudflare Pages as its own simulator serves the build: `_headers` applied by Cloudflare's code,
// 404s found the way Pages finds them (the nearest 404.html up the path).
describeHost('the site on Cloudflare Pages (wrangler pages dev)', startWrangler);
