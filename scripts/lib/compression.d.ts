// `compression` ships no types and @types/compression is not installed: what the static server uses of it.
declare module 'compression' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  function compression(options?: {
    filter?: (req: IncomingMessage, res: ServerResponse) => boolean;
  }): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
  export default compression;
}
