// Third-party code the client loads, all from WebJars on the gateway's own class path (no CDN: the CSP allows
// only 'self'). The build fills in the versions from web/pom.xml, so upgrading is a one-line change there.
export const CHART_JS = '/webjars/chart.js/@chartjs.version@/dist/chart.umd.min.js';
