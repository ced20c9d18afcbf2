/** The one place the CLI's version is written (`--version`, SARIF `tool.driver`). */
export const CRMPLAN_VERSION = '0.1.0';
