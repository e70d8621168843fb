// Chromium flags that work on this machine kind (Debian chromium, as root): headless without a
// GPU or sandbox, and no background traffic, so the only requests a page makes are its own — which the tests and the benchmark count.
// Playwright adds `--headless` and its own fresh `--user-data-dir`; chrome-launcher (Lighthouse)
// creates a fresh profile too, so neither is listed here.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium unless CHROMIUM_PATH says otherwise (the test runner sets it). */
export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';
