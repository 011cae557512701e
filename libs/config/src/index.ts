export { Environment, EnvironmentError, loadEnvironment, requireProductionSecrets, type MetricsAccess, metricsAccess, requireApiSecrets } from './env.js';
export { type FailpointName, failpoint } from './failpoints.js';
export { redactSecrets, RedactingLogger, databasePasswordProblem, jwtSecretProblem } from './secrets.js';
