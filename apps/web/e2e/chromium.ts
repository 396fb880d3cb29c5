// Debian's chromium, as the e2e tests and the benchmark launch it. Playwright's own browser
// download cannot work here; `.ci/run` installs `chromium` with apt-get. Without the
// background-networking flags chromium keeps dialling Google's hosts on this closed network.
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
