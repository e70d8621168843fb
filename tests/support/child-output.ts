import type { ChildProcess } from 'node:child_process';

/** What a child process prints, stdout and stderr interleaved as they arrive; read `text` at any time. */
export function collectOutput(child: ChildProcess): { readonly text: string } {
  let text = '';
  const append = (chunk: Buffer | string) => {
    text += chunk.toString();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return {
    get text() {
      return text;
    },
  };
}
