// Jest environment for the web app's component tests (`@jest-environment ./apps/web/test/jsdom-environment.js`
// in a spec's docblock): Jest's own jsdom environment over the jsdom version this repository pins.
import BaseJSDOMEnvironment from '@jest/environment-jsdom-abstract';
import * as jsdom from 'jsdom';

export default class JsdomEnvironment extends BaseJSDOMEnvironment {
  constructor(config, context) {
    super(config, context, jsdom);
    // jsdom has no Fetch API classes: lend Node's, so tests can answer a mocked fetch with a real
    // Response (fetch itself stays undefined: a test that talks to the API must mock it).
    for (const name of ['Response', 'Request', 'Headers']) this.global[name] = globalThis[name];
  }
}
