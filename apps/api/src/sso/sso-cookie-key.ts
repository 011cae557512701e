/** The AES key of the pending sign-in cookie (pendingKey of the api's signing secret). */
export const SSO_COOKIE_KEY = Symbol('SSO_COOKIE_KEY');
