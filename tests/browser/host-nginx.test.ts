import { describeHost } from '../support/host-contract';
import { startNginx } from '../support/hosts';

// Debian's nginx with the shipped configuration (deploy/nginx/site.conf and the snippets
// scripts/nginx-config.mjs writes from the build).
describeHost('the site on nginx (deploy/nginx/)', startNginx);
