/**
 * The layering of DESIGN section 7, checked by `npm run layers` (part of `npm run check`):
 * cli -> client, server -> transfer -> common; client and server never import each other;
 * common imports nothing of ours outside common; no import cycles anywhere.
 */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    { name: 'common-is-pure', severity: 'error', from: { path: '^src/common' }, to: { path: '^src/(transfer|server|client|cli)/' } },
    { name: 'transfer-uses-only-common', severity: 'error', from: { path: '^src/transfer' }, to: { path: '^src/(server|client|cli)/' } },
    { name: 'server-not-client', severity: 'error', from: { path: '^src/server' }, to: { path: '^src/(client|cli)/' } },
    { name: 'client-not-server', severity: 'error', from: { path: '^src/client' }, to: { path: '^src/(server|cli)/' } },
    { name: 'no-test-code-in-src', severity: 'error', from: { path: '^src' }, to: { path: '^(test|bench)/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    exclude: { path: '^src/common/proto' },
  },
};
