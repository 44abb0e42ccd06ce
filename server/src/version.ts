// The project's version, from package.json: esbuild writes it into the
// bundles (scripts/build.mjs defines KAMERVRAAG_VERSION); code compiled
// without the bundler (the unit tests) says `dev`.

declare const KAMERVRAAG_VERSION: string | undefined;

export const VERSION: string = typeof KAMERVRAAG_VERSION === 'string' ? KAMERVRAAG_VERSION : 'dev';
