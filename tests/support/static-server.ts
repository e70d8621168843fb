/**
 * The static server of the browser tests, typed. The implementation lives in
 * scripts/lib/static-server.mjs so that `npm run bench` (plain Node ESM) serves pages the same way.
 */
export { type StaticServer, startStaticServer } from '../../scripts/lib/static-server.mjs';
