export { Environment, EnvironmentError, loadEnvironment, requireProductionSecrets, type MetricsAccess, metricsAccess, requireApiSecrets } from './env.js';
export { type FailpointName, failpoint } from './failpoints.js';
export { redactSecrets, RedactingLogger, databasePasswordProblem, jwtSecretProblem } from './secrets.js';
export { type MailSettings, MAIL_SETTINGS, mailEnabled, mailSettings } from './mail.js';
export { type FileStoreSettings, type FileSettings, fileStoreSettings, fileSettings } from './files.js';
export { type GroupGrant, type OidcSettings, type SsoSettings, SSO_SETTINGS, NO_SSO, parseGroupMap, ssoSettings } from './sso.js';
