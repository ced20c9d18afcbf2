/** The one place crmplan's version is written (CLI `--version`, SARIF `tool.driver`, the server's `serverInfo`); a test keeps it equal to package.json's. */
export const CRMPLAN_VERSION = '0.1.0';
