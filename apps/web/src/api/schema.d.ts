// Generated from the API's OpenAPI document by `npm run openapi:types` (openapi-typescript).
// Do not edit: change the DTOs in apps/api, then regenerate. test/web-types.e2e-spec.ts fails when
// this file and the document disagree.
export interface paths {
  '/api/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Transitions across instances by actor, unit, definition, event, business key and time (admins and auditors) */
    get: operations['AuditController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Actions that are not transitions: tasks claimed or delegated, definitions published, users, tokens, calendar, failed sign-ins */
    get: operations['AuditController_log'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every transition of a search, streamed as NDJSON or CSV (UTF-8 with BOM) */
    get: operations['AuditController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Re-walk the global ledger: ok, or the first broken entry and why */
    get: operations['AuditController_verify'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/seal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Seal the rows written so far into the ledger now (the worker does it every interval) */
    post: operations['AuditController_seal'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/instances/{id}/history/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Check one instance's hash chain and replay it: ok, or the first broken row and why */
    get: operations['AuditController_verifyInstance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/instances/{id}/state': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The instance as it was after history row `seq`, or at instant `at`, rebuilt by replay */
    get: operations['AuditController_stateAt'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Username and password -> a short-lived bearer token (JWT), and a session: its refresh token in an HttpOnly cookie (phoihop_refresh, Path=/api/v1/auth) */
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The session cookie -> a new access token. The refresh token rotates on every use; one used twice ends its session. 401 when the session ended, expired, or the user was disabled or changed password; 403 from another site (Origin) */
    post: operations['AuthController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out: ends the session of the cookie and clears the cookie; 403 from another site (Origin) */
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user, with roles per unit */
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change one’s own password (the current one is required); ends every other session and API token, answers a new access token */
    post: operations['AuthController_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My running sign-in sessions (where and when; never their tokens); `current` marks this one */
    get: operations['AuthController_mySessions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End one of my sessions (a browser left signed in elsewhere): its refresh and access tokens stop at once */
    delete: operations['AuthController_endMySession'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My API tokens (never their secrets), revoked ones included */
    get: operations['AuthController_tokens'];
    put?: never;
    /** A new API token for integrations; the secret is shown once */
    post: operations['AuthController_createToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke one of my API tokens */
    delete: operations['AuthController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/methods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How one may sign in here: password, single sign-on through the city’s provider, or both */
    get: operations['SsoController_methods'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sign in through the city’s OpenID Connect provider: redirects there with state, nonce and PKCE (S256), kept in an encrypted HttpOnly cookie for 10 minutes. 403 when single sign-on is not configured */
    get: operations['SsoController_start'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The provider’s answer: checks state, redeems the code with the PKCE verifier, verifies the ID token and its nonce, matches the account and opens a session (refresh cookie), then redirects to the web app. 403 when single sign-on is not configured */
    get: operations['SsoController_callback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every user (admins and auditors) */
    get: operations['UsersController_list'];
    put?: never;
    /** Create a user with role memberships per unit */
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One user (admins and auditors) */
    get: operations['UsersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a user: name, password, memberships, active */
    patch: operations['UsersController_update'];
    trace?: never;
  };
  '/api/v1/users/{id}/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user’s API tokens (never their secrets), revoked ones included */
    get: operations['UsersController_tokens'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/tokens/{tokenId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke one of a user’s API tokens (recorded in the audit log as the admin’s action) */
    delete: operations['UsersController_revokeToken'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user’s running sign-in sessions (admins and auditors) */
    get: operations['UsersController_userSessions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/sessions/{sessionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End one of a user’s sessions: its tokens stop at once (recorded in the audit log as the admin’s action) */
    delete: operations['UsersController_endUserSession'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is who: the display name of every user, for any signed-in user (no addresses, roles or units), so that pages name people instead of user ids */
    get: operations['UsersController_people'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The org units (BXDĐ, Đảng ủy UBND, UBND and its departments, MTTQ…) */
    get: operations['UsersController_units'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/units/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Create or change an org unit */
    put: operations['UsersController_upsertUnit'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The inbox: tasks assigned to me and tasks I may claim, due first, with counts per bucket */
    get: operations['TasksController_inbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One task with its events (claimed, unclaimed, delegated, commented, acted) */
    get: operations['TasksController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take a task (candidates only) */
    post: operations['TasksController_claim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/unclaim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give a claimed task back (its assignee, or an admin) */
    post: operations['TasksController_unclaim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/delegate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hand a task to a user who may hold it */
    post: operations['TasksController_delegate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer the task with one of its outcomes and the outcome's form */
    post: operations['TasksController_complete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Comment on a task */
    post: operations['TasksController_comment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My notifications, newest first, with the unread and total counts */
    get: operations['NotificationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark every one of my notifications read */
    post: operations['NotificationsController_readAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark one of my notifications read (404 for any id that is not mine) */
    post: operations['NotificationsController_read'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/stream/ticket': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A single-use ticket (30 s) that opens my live stream: EventSource cannot send an Authorization header */
    post: operations['LiveStreamController_ticket'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My live stream (Server-Sent Events), opened with a ticket
     * @description Events: `ready` once listening; `notification` ({ id, kind, title, instanceId, taskId, createdAt }) for each new notification of mine; `inbox` ({ changed: true }) when a task where I am a candidate or the assignee opened, was claimed, delegated or closed (refetch the counts). A comment line every 25 s. Whichever process or worker committed the change, every api process hears it (PostgreSQL LISTEN/NOTIFY). No Authorization header: the `ticket` query parameter, used once; 401 when it is missing, unknown, used or expired.
     */
    get: operations['LiveStreamController_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My language and e-mail mode per notification kind (my address is set by admins) */
    get: operations['PreferencesController_get'];
    /** Change my language and the e-mail mode of some kinds (the kinds not given are kept) */
    put: operations['PreferencesController_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/email-deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** E-mails recorded for users, newest first, by status (admins and auditors): refused ones carry the server's answer */
    get: operations['EmailDeliveriesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/email-deliveries/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a refused or failed e-mail again (to the address it was recorded with) */
    post: operations['EmailDeliveriesController_retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every webhook subscription (admins; auditors may read), never their secrets */
    get: operations['WebhooksController_list'];
    put?: never;
    /** Subscribe a URL to topics; the answer holds the signing secret, shown this once */
    post: operations['WebhooksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One subscription */
    get: operations['WebhooksController_get'];
    put?: never;
    post?: never;
    /** Delete a subscription with its deliveries and their log */
    delete: operations['WebhooksController_remove'];
    options?: never;
    head?: never;
    /** Change the URL, topics, description, or turn it off and on */
    patch: operations['WebhooksController_update'];
    trace?: never;
  };
  '/api/v1/webhooks/{id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A new signing secret, shown this once; the old one stops signing at once */
    post: operations['WebhooksController_rotate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The delivery log, newest first: each delivery with its attempts (status, response code, latency, error) */
    get: operations['WebhooksController_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a delivery again (same webhook-id and body), with a fresh round of attempts */
    post: operations['WebhooksController_redeliver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers (the database is reported, not required) */
    get: operations['HealthController_health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: 200 when the database and the queues answer, 503 otherwise */
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics: METRICS_TOKEN as a bearer token (the embedded default without one: loopback callers only) */
    get: operations['HealthController_metrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/definitions/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Every problem of a definition at once, each with a JSON pointer; warnings for roles no user holds */
    post: operations['DefinitionsController_validate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/definitions/diagram': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mermaid stateDiagram-v2 of a definition not saved yet (the editor preview); 400 with its problems when invalid */
    post: operations['DefinitionsController_previewDiagram'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/definitions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every workflow key with its newest version */
    get: operations['DefinitionsController_list'];
    put?: never;
    /** Create a draft: the next version of its key, editable until published */
    post: operations['DefinitionsController_createDraft'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/definitions/{key}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version with its source */
    get: operations['DefinitionsController_version'];
    /** Edit a draft (published versions never change) */
    put: operations['DefinitionsController_updateDraft'];
    post?: never;
    /** Delete a draft (published versions never change) */
    delete: operations['DefinitionsController_deleteDraft'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/definitions/{key}/versions/{version}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish a draft: immutable, checksummed; refused while invalid or while a reachable state has no way out */
    post: operations['DefinitionsController_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/definitions/{key}/versions/{version}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retire a version: no new instances; running ones go on */
    post: operations['DefinitionsController_retire'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/definitions/{key}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What changed between two versions, by JSON pointer */
    get: operations['DefinitionsController_diff'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/definitions/{key}/versions/{version}/diagram': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Mermaid stateDiagram-v2 (nested and parallel states, readable guards, deadlines); ?instance=ID marks its current state; ?collapse=…&depth=N fold compound states */
    get: operations['DefinitionsController_diagram'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/definitions/{key}/versions/{version}/paths': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Paths through the workflow, shortest path to each state, state and transition coverage, dead ends */
    get: operations['DefinitionsController_paths'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/definitions/{key}/versions/{version}/dry-run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Step a sandbox instance through chosen events with simulated time, as the caller, a role or a test user; nothing is written */
    post: operations['DefinitionsController_dryRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/definitions/{key}/migrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move running instances to another version by a state map; dryRun lists who can move and why not */
    post: operations['DefinitionsController_migrate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/definitions/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The versions of one workflow, newest first */
    get: operations['DefinitionsController_versions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/instances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List instances, newest first, filtered and cursor-paginated */
    get: operations['InstancesController_list'];
    put?: never;
    /** Start an instance of a published workflow */
    post: operations['InstancesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/instances/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One instance: where it is, what it accepts, its deadlines, parent and children */
    get: operations['InstancesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/instances/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send an event; 422 lists the events the current state accepts */
    post: operations['InstancesController_sendEvent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/instances/{id}/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The instance's tasks, open first: who may act, who claimed, due dates */
    get: operations['InstancesController_tasks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/instances/{id}/timers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The instance's timers: deadlines and reminders, pending, fired or cancelled */
    get: operations['InstancesController_timers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/instances/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The instance's transitions in order, hash-chained */
    get: operations['InstancesController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload a document (multipart field "file"), streamed to storage; attach it by giving its id in an event */
    post: operations['FilesController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/files/limits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What an upload may be: the size limit and the accepted types */
    get: operations['FilesController_limits'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/files/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A file's name, type, size, digest and the case step it is attached to */
    get: operations['FilesController_info'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/files/{id}/content': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a file (Content-Disposition: attachment) */
    get: operations['FilesController_content'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/instances/{id}/files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A case's attachments: name, step, who, when, size, digest */
    get: operations['InstanceFilesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/instances/{id}/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A case's generated documents: number, step, when, the DOCX and its PDF rendition (or why there is none) */
    get: operations['InstanceDocumentsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/holidays': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Days off of a year: public holidays, compensatory and swapped days, as the government announced them (`basis: announced`, with the document) or by the rule (`estimated`), and overrides; the Saturdays worked in exchange */
    get: operations['CalendarController_holidays'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/add-working-days': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The date N working days after `from` (counting starts the day after) */
    get: operations['CalendarController_addWorkingDays'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/overrides': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The declared overrides (days off, working days), of one year or all */
    get: operations['CalendarController_overrides'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/overrides/{date}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Declare a date a day off or a working day (e.g. the announced Tết days, a swapped Saturday) */
    put: operations['CalendarController_setOverride'];
    post?: never;
    /** Remove the override of a date */
    delete: operations['CalendarController_removeOverride'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/program': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The program dashboard for a period: per workflow received, resolved on time and late, open, overdue; citizen cases; Dân vận khéo (JSON, CSV or XLSX) */
    get: operations['ReportsController_program'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ErrorResponseDto: {
      /** @example 404 */
      statusCode: number;
      /** @example Not Found */
      error: string;
      /**
       * @description A stable machine-readable code (docs/api.md#errors)
       * @example INSTANCE_NOT_FOUND
       */
      code: string;
      message: string;
      /** @description e.g. problems: [{ field, reason }], issues: [{ path, code, message }], allowedEvents, currentRevision */
      details?: {
        [key: string]: unknown;
      };
      /** @description The X-Request-Id of the request */
      requestId?: string;
      /** @description Only on a 500: the id under which the error was logged */
      errorId?: string;
    };
    AuditFileDto: {
      /** Format: uuid */
      id: string;
      name: string;
      size: number;
      sha256: string;
      /** @description The payload field (JSON pointer) that named it */
      field: string;
    };
    AuditDocumentDto: {
      /** @description The definition's document key */
      key: string;
      /** @description Its number, e.g. 01/TB-UBND */
      number: string;
      /**
       * Format: uuid
       * @description The DOCX file
       */
      fileId: string;
      sha256: string;
      size: number;
    };
    AuditRowDto: {
      /** @description Global sequence number (a decimal string) */
      gseq: string;
      /** Format: uuid */
      instanceId: string;
      definitionKey: string;
      definitionVersion: number;
      businessKey: string | null;
      seq: number;
      /** Format: date-time */
      at: string;
      event: string;
      /** @description username */
      actor: string;
      roles: string[];
      units: string[];
      /** @description XState's state value: a string, or an object for nested and parallel states */
      from:
        | string
        | ({
            [key: string]: unknown;
          } | null);
      /** @description XState's state value: a string, or an object for nested and parallel states */
      to:
        | string
        | {
            [key: string]: unknown;
          };
      /** @description The form as sent, confidential fields always "[giữ bí mật]" (the hash covers the stored values) */
      payload:
        | string
        | number
        | boolean
        | ({
            [key: string]: unknown;
          } | null)
        | unknown[];
      comment: string | null;
      requestId: string | null;
      hash: string;
      /** @description The documents this step attached (in the hash chain) */
      files?: components['schemas']['AuditFileDto'][];
      /** @description The papers this step issued, with their numbers (in the hash chain) */
      documents?: components['schemas']['AuditDocumentDto'][];
    };
    AuditPageDto: {
      items: components['schemas']['AuditRowDto'][];
      nextCursor: string | null;
    };
    AuditLogEntryDto: {
      id: string;
      gseq: string;
      /** Format: date-time */
      at: string;
      actorId: string;
      /** @description any JSON value (null included) */
      actor:
        | string
        | number
        | boolean
        | ({
            [key: string]: unknown;
          } | null)
        | unknown[];
      /** @example task.delegated */
      action: string;
      subjectType: string | null;
      subjectId: string | null;
      /** @description any JSON value (null included) */
      data:
        | string
        | number
        | boolean
        | ({
            [key: string]: unknown;
          } | null)
        | unknown[];
      requestId: string | null;
      hash: string;
    };
    AuditLogPageDto: {
      items: components['schemas']['AuditLogEntryDto'][];
      nextCursor: string | null;
    };
    LedgerBreakDto: {
      gseq: string;
      kind: string;
      instanceId?: string | null;
      seq?: number | null;
      reason: string;
    };
    LedgerVerificationDto: {
      ok: boolean;
      sealedUpTo: string | null;
      head: string | null;
      checked: number;
      broken?: components['schemas']['LedgerBreakDto'];
    };
    LedgerEntryDto: {
      gseq: string;
      /** @enum {string} */
      kind: 'history' | 'audit' | 'gap';
      rowHash: string | null;
      chainHash: string;
    };
    SealResultDto: {
      /** @description Entries added */
      added: number;
      head: components['schemas']['LedgerEntryDto'] | null;
    };
    ChainBreakDto: {
      seq: number;
      reason: string;
    };
    FileCheckDto: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @description The history row that attached it */
      seq: number;
      /** @description The payload field (JSON pointer) */
      field: string;
      /** @description The SHA-256 its history row recorded */
      sha256: string;
      ok: boolean;
      /** @description Why it failed */
      reason?: string;
    };
    InstanceVerificationDto: {
      ok: boolean;
      /** Format: uuid */
      instanceId: string;
      rows: number;
      head: string | null;
      /** @description Rows 1..sealedRows are sealed into the global ledger and each matches its ledger entry; later rows are younger than the last seal (0 when broken) */
      sealedRows: number;
      broken?: components['schemas']['ChainBreakDto'];
      /** @description Every attached file, re-hashed from storage */
      files?: components['schemas']['FileCheckDto'][];
    };
    StateAtDto: {
      /** Format: uuid */
      instanceId: string;
      seq: number;
      /** Format: date-time */
      at: string;
      event: string;
      /** @description XState's state value: a string, or an object for nested and parallel states */
      state:
        | string
        | {
            [key: string]: unknown;
          };
      /** @description The replayed case data; a confidential field the caller may not read holds "[giữ bí mật]" */
      context: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      status: 'active' | 'done';
    };
    LoginDto: {
      /** @example can-bo-tiep-dan */
      username: string;
      password: string;
    };
    AccessTokenDto: {
      /** @description A JWT to send as Authorization: Bearer … */
      accessToken: string;
      /** @enum {string} */
      tokenType: 'Bearer';
      /** @description Seconds until it expires */
      expiresIn: number;
    };
    MembershipView: {
      /** @example can-bo-tiep-dan */
      role: string;
      /** @example bo-phan-tiep-cong-dan */
      unit: string;
    };
    LocalizedText: {
      /** @example Chờ lãnh đạo duyệt */
      vi: string;
      /** @example Awaiting approval */
      en: string;
    };
    UnitDto: {
      /** @example ubnd */
      key: string;
      name: components['schemas']['LocalizedText'];
      parentKey: string | null;
    };
    MeDto: {
      /** Format: uuid */
      id: string;
      /** @example nguyen.van.a */
      username: string;
      /** @example Nguyễn Văn A */
      displayName: string;
      /**
       * Format: email
       * @description Where the user's e-mail goes; null: none
       */
      email: string | null;
      active: boolean;
      memberships: components['schemas']['MembershipView'][];
      /** Format: date-time */
      createdAt: string;
      units: components['schemas']['UnitDto'][];
    };
    ChangePasswordDto: {
      currentPassword: string;
      /** @description At least 10 characters with a letter and a digit, not common, not containing the username */
      newPassword: string;
    };
    SessionDto: {
      /** Format: uuid */
      id: string;
      /**
       * @description How the user signed in
       * @enum {string}
       */
      method: 'password' | 'oidc';
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: date-time
       * @description Last renewed
       */
      lastUsedAt: string;
      /**
       * Format: date-time
       * @description Ends unless renewed before
       */
      idleExpiresAt: string;
      /**
       * Format: date-time
       * @description Ends at the latest (absolute lifetime)
       */
      expiresAt: string;
      /** @description Address at sign-in */
      ip: string | null;
      /** @description Browser at sign-in */
      userAgent: string | null;
      /** @description The session of this request */
      current: boolean;
    };
    SessionListDto: {
      items: components['schemas']['SessionDto'][];
    };
    ApiTokenDto: {
      /** Format: uuid */
      id: string;
      name: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string | null;
      /** Format: date-time */
      lastUsedAt: string | null;
      /** Format: date-time */
      revokedAt: string | null;
    };
    ApiTokenListDto: {
      items: components['schemas']['ApiTokenDto'][];
    };
    CreateTokenDto: {
      /** @example Một cửa integration */
      name: string;
      /** @description ISO instant; no expiry when omitted */
      expiresAt?: string;
    };
    CreatedApiTokenDto: {
      /** Format: uuid */
      id: string;
      name: string;
      /**
       * @description The secret, shown once; stored hashed
       * @example php_…
       */
      token: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string | null;
    };
    SsoMethodDto: {
      /** @description The provider’s name for the button (OIDC_DISPLAY_NAME); null: the page’s own words */
      displayName: string | null;
      /**
       * @description Where the button leads (add ?returnTo=/path to come back to a page)
       * @example /api/v1/auth/oidc/start
       */
      startUrl: string;
    };
    AuthMethodsDto: {
      /** @description Username and password (false when LOCAL_PASSWORDS=off) */
      password: boolean;
      /** @description Single sign-on through the city’s OpenID Connect provider; null when not configured */
      sso: components['schemas']['SsoMethodDto'] | null;
    };
    UserDto: {
      /** Format: uuid */
      id: string;
      /** @example nguyen.van.a */
      username: string;
      /** @example Nguyễn Văn A */
      displayName: string;
      /**
       * Format: email
       * @description Where the user's e-mail goes; null: none
       */
      email: string | null;
      active: boolean;
      memberships: components['schemas']['MembershipView'][];
      /** Format: date-time */
      createdAt: string;
    };
    UserListDto: {
      items: components['schemas']['UserDto'][];
    };
    MembershipDto: {
      /** @example can-bo-tiep-dan */
      role: string;
      /** @example bo-phan-tiep-cong-dan */
      unit: string;
    };
    CreateUserDto: {
      /** @example nguyen.van.a */
      username: string;
      /** @example Nguyễn Văn A */
      displayName: string;
      /**
       * Format: email
       * @description Where the user's e-mail goes (docs/notifications.md, "E-mail"); none by default
       * @example nguyen.van.a@anphong.gov.vn
       */
      email?: string | null;
      password?: string;
      memberships: components['schemas']['MembershipDto'][];
    };
    UpdateUserDto: {
      displayName?: string;
      password?: string;
      active?: boolean;
      /**
       * Format: email
       * @description A new address, or null to stop mail to the user
       */
      email?: string | null;
      memberships?: components['schemas']['MembershipDto'][];
    };
    PersonDto: {
      /**
       * @description The user id that history, tasks and cases name
       * @example can-bo-tiep-dan-1
       */
      username: string;
      /** @example Nguyễn Thị Lan */
      displayName: string;
    };
    PeopleDto: {
      items: components['schemas']['PersonDto'][];
    };
    UnitListDto: {
      items: components['schemas']['UnitDto'][];
    };
    LabelDto: {
      vi: string;
      en: string;
    };
    UpsertUnitDto: {
      name: components['schemas']['LabelDto'];
      parentKey?: string;
    };
    TaskDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      instanceId: string;
      /**
       * @description The case's business key
       * @example KN-2026-0042
       */
      businessKey: string | null;
      /**
       * @description The case's summary line (its definition's `summary`, as the case reads now); null when it has none
       * @example Nguyễn Văn A: Khiếu nại về việc cấp giấy chứng nhận quyền sử dụng đất
       */
      summary: string | null;
      definitionKey: string;
      /** @description The state path the task belongs to */
      state: string;
      title: components['schemas']['LocalizedText'];
      candidateRoles: string[];
      candidateUnits: string[];
      /** @description Events that answer it */
      outcomes: string[];
      assignee: string | null;
      /** @enum {string} */
      status: 'open' | 'completed' | 'cancelled';
      /** @enum {string} */
      priority: 'low' | 'normal' | 'high' | 'urgent';
      /** Format: date-time */
      dueAt: string | null;
      overdue: boolean;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      claimedAt: string | null;
      /** Format: date-time */
      closedAt: string | null;
      completedBy: string | null;
      outcome: string | null;
    };
    InboxCountsDto: {
      mine: number;
      claimable: number;
      overdue: number;
      dueSoon: number;
    };
    InboxPageDto: {
      items: components['schemas']['TaskDto'][];
      nextCursor: string | null;
      counts: components['schemas']['InboxCountsDto'];
    };
    TaskEventDto: {
      /**
       * @description claimed, unclaimed, delegated, commented, acted…
       * @example claimed
       */
      type: string;
      actor: string;
      /** Format: date-time */
      at: string;
      data: {
        [key: string]: unknown;
      } | null;
    };
    TaskDetailDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      instanceId: string;
      /**
       * @description The case's business key
       * @example KN-2026-0042
       */
      businessKey: string | null;
      /**
       * @description The case's summary line (its definition's `summary`, as the case reads now); null when it has none
       * @example Nguyễn Văn A: Khiếu nại về việc cấp giấy chứng nhận quyền sử dụng đất
       */
      summary: string | null;
      definitionKey: string;
      /** @description The state path the task belongs to */
      state: string;
      title: components['schemas']['LocalizedText'];
      candidateRoles: string[];
      candidateUnits: string[];
      /** @description Events that answer it */
      outcomes: string[];
      assignee: string | null;
      /** @enum {string} */
      status: 'open' | 'completed' | 'cancelled';
      /** @enum {string} */
      priority: 'low' | 'normal' | 'high' | 'urgent';
      /** Format: date-time */
      dueAt: string | null;
      overdue: boolean;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      claimedAt: string | null;
      /** Format: date-time */
      closedAt: string | null;
      completedBy: string | null;
      outcome: string | null;
      events: components['schemas']['TaskEventDto'][];
    };
    DelegateDto: {
      /** @example pho-chu-tich */
      to: string;
      reason?: string;
    };
    CompleteTaskDto: {
      /**
       * @description One of the task's outcomes (an event of its state)
       * @example QUYET_DINH
       */
      outcome: string;
      /** @description The outcome event's form, validated against its JSON Schema */
      payload?: {
        [key: string]: unknown;
      };
      comment?: string;
    };
    DefinitionRefDto: {
      /** @example example-document-approval */
      key: string;
      /** @example 1 */
      version: number;
    };
    ActiveStateDto: {
      /**
       * @description A leaf state path (handling.verify)
       * @example choDuyet
       */
      path: string;
      label?: components['schemas']['LocalizedText'];
    };
    DeadlineExtensionDto: {
      /** @description The extension: an ISO duration or a working-days spec */
      by:
        | string
        | number
        | boolean
        | ({
            [key: string]: unknown;
          } | null)
        | unknown[];
      /** Format: date-time */
      at: string;
      /** Format: date-time */
      previousDueAt: string;
      /** @description any JSON value (null included) */
      reason?:
        | string
        | number
        | boolean
        | ({
            [key: string]: unknown;
          } | null)
        | unknown[];
    };
    DeadlineDto: {
      /** @example duyet */
      key: string;
      /** @example choDuyet */
      state: string;
      label?: components['schemas']['LocalizedText'];
      /**
       * Format: date
       * @description The last day (Vietnam local date) for calendar and working-day limits
       */
      dueDate: string | null;
      /** Format: date-time */
      dueAt: string;
      passed: boolean;
      extensions: components['schemas']['DeadlineExtensionDto'][];
    };
    ParentLinkDto: {
      /** Format: uuid */
      id: string;
      /** @description The parent's group that started this child */
      group: string;
      /** @description Its key in that group */
      key: string;
    };
    ChildInstanceDto: {
      /** Format: uuid */
      id: string;
      definition: components['schemas']['DefinitionRefDto'];
      group: string;
      key: string;
      businessKey: string | null;
      /** @description The child's summary line (its definition's `summary`) */
      summary: string | null;
      /** @enum {string} */
      status: 'active' | 'done';
      activeStates: components['schemas']['ActiveStateDto'][];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      completedAt: string | null;
    };
    InstanceDto: {
      /** Format: uuid */
      id: string;
      definition: components['schemas']['DefinitionRefDto'];
      businessKey: string | null;
      /**
       * @description The case at a glance: the definition's `summary` filled from the case's context (null when the definition has none or it comes out empty)
       * @example Nguyễn Văn A: Khiếu nại về việc cấp giấy chứng nhận quyền sử dụng đất
       */
      summary: string | null;
      /** @enum {string} */
      status: 'active' | 'done';
      /** @description XState's state value: a string, or an object for nested and parallel states */
      state:
        | string
        | {
            [key: string]: unknown;
          };
      activeStates: components['schemas']['ActiveStateDto'][];
      /** @description The case data; a confidential field the caller may not read holds "[giữ bí mật]" (docs/security.md#confidential-fields) */
      context: {
        [key: string]: unknown;
      };
      /** @description Also the ETag */
      revision: number;
      /** @description Events a person may send now: the human events the current states accept */
      allowedEvents: string[];
      /** @description What else the current states accept, sent only by deadlines or the system (timer and system events) */
      awaitedEvents: string[];
      /** Format: date-time */
      nextDueAt: string | null;
      deadlines: components['schemas']['DeadlineDto'][];
      startedBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: date-time */
      completedAt: string | null;
      parent: components['schemas']['ParentLinkDto'] | null;
      /** @description On GET of one instance that has children */
      children?: components['schemas']['ChildInstanceDto'][];
    };
    CompletedTaskDto: {
      task: components['schemas']['TaskDto'];
      instance: components['schemas']['InstanceDto'];
    };
    CommentDto: {
      text: string;
    };
    NotificationDto: {
      /** Format: uuid */
      id: string;
      /**
       * @description task-assigned: a new task I may take; task-delegated: a task handed to me; reminder: a deadline approaching; escalation: a deadline passed; message: a workflow's notify; webhook-disabled (admins): a webhook subscription was turned off after a run of failed deliveries
       * @enum {string}
       */
      kind: 'task-assigned' | 'task-delegated' | 'reminder' | 'escalation' | 'message' | 'webhook-disabled';
      title: components['schemas']['LocalizedText'];
      body: components['schemas']['LocalizedText'] | null;
      /**
       * Format: uuid
       * @description The case it is about (GET /api/v1/instances/{id})
       */
      instanceId: string;
      /**
       * Format: uuid
       * @description The task it is about (GET /api/v1/tasks/{id})
       */
      taskId: string | null;
      definitionKey: string;
      /** @description The case's business key */
      businessKey: string | null;
      /** @description The case's summary line, as the case reads now */
      summary: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      readAt: string | null;
    };
    NotificationCountsDto: {
      unread: number;
      total: number;
    };
    NotificationPageDto: {
      items: components['schemas']['NotificationDto'][];
      nextCursor: string | null;
      counts: components['schemas']['NotificationCountsDto'];
    };
    StreamTicketDto: {
      /** @description Opens GET /api/v1/me/stream?ticket=… once, on any api process */
      ticket: string;
      /**
       * Format: date-time
       * @description Unused after this instant (30 s after issue), it is refused
       */
      expiresAt: string;
    };
    EmailPreferencesDto: {
      /**
       * @description A new task I may take (default digest). immediate: a mail as soon as it happens; digest: in the 07:30 daily digest; off: no mail
       * @enum {string}
       */
      'task-assigned': 'immediate' | 'digest' | 'off';
      /**
       * @description A task handed to me (default immediate)
       * @enum {string}
       */
      'task-delegated': 'immediate' | 'digest' | 'off';
      /**
       * @description A deadline approaching (default digest)
       * @enum {string}
       */
      reminder: 'immediate' | 'digest' | 'off';
      /**
       * @description A deadline passed (default immediate)
       * @enum {string}
       */
      escalation: 'immediate' | 'digest' | 'off';
      /**
       * @description A workflow's notify message (default immediate)
       * @enum {string}
       */
      message: 'immediate' | 'digest' | 'off';
    };
    PreferencesDto: {
      /**
       * Format: email
       * @description Where my mail goes; set by admins (PATCH /api/v1/users/{id}); null: no mail
       */
      email: string | null;
      /**
       * @description The language of my mails
       * @enum {string}
       */
      language: 'vi' | 'en';
      emailPreferences: components['schemas']['EmailPreferencesDto'];
      /** @description False when this server sends no mail (SMTP_URL unset); the choices are kept */
      emailEnabled: boolean;
    };
    EmailPreferencesChangeDto: {
      /**
       * @description immediate: a mail as soon as it happens; digest: in the 07:30 daily digest; off: no mail
       * @enum {string}
       */
      'task-assigned'?: 'immediate' | 'digest' | 'off';
      /**
       * @description immediate: a mail as soon as it happens; digest: in the 07:30 daily digest; off: no mail
       * @enum {string}
       */
      'task-delegated'?: 'immediate' | 'digest' | 'off';
      /**
       * @description immediate: a mail as soon as it happens; digest: in the 07:30 daily digest; off: no mail
       * @enum {string}
       */
      reminder?: 'immediate' | 'digest' | 'off';
      /**
       * @description immediate: a mail as soon as it happens; digest: in the 07:30 daily digest; off: no mail
       * @enum {string}
       */
      escalation?: 'immediate' | 'digest' | 'off';
      /**
       * @description immediate: a mail as soon as it happens; digest: in the 07:30 daily digest; off: no mail
       * @enum {string}
       */
      message?: 'immediate' | 'digest' | 'off';
    };
    UpdatePreferencesDto: {
      /** @enum {string} */
      language?: 'vi' | 'en';
      emailPreferences?: components['schemas']['EmailPreferencesChangeDto'];
    };
    EmailDeliveryDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      userId: string;
      username: string;
      /**
       * @description A notification mailed at once, or a daily digest
       * @enum {string}
       */
      kind: 'notification' | 'digest';
      /** Format: uuid */
      notificationId: string | null;
      /** @description The notification's kind (task-assigned, escalation…) */
      notificationKind: string | null;
      /** @description The address it was sent to (the user's when it was recorded) */
      toAddress: string;
      /** @enum {string} */
      language: 'vi' | 'en';
      /** @enum {string} */
      status: 'pending' | 'sending' | 'sent' | 'failed' | 'refused';
      /** @description Sends tried */
      attempts: number;
      /** @description The SMTP server's last answer (its refusal, or the error) */
      lastResponse: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      sentAt: string | null;
    };
    EmailDeliveryPageDto: {
      items: components['schemas']['EmailDeliveryDto'][];
      nextCursor: string | null;
    };
    WebhookDto: {
      /** Format: uuid */
      id: string;
      url: string;
      topics: string[];
      description: string | null;
      enabled: boolean;
      /** @description Deliveries in a row that used all their attempts; reaching WEBHOOK_DISABLE_AFTER disables the subscription */
      consecutiveFailures: number;
      /** @description Why it is off (by an admin, or the run of failures) */
      disabledReason: string | null;
      /** Format: date-time */
      disabledAt: string | null;
      /** @description The admin who created it */
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    WebhookListDto: {
      items: components['schemas']['WebhookDto'][];
    };
    CreateWebhookDto: {
      /**
       * @description http or https; its host must resolve to public addresses unless WEBHOOK_ALLOW_PRIVATE_URLS is set
       * @example https://he-thong-mot-cua.anphong.gov.vn/phoihop/webhook
       */
      url: string;
      /**
       * @description instance.started, instance.finished, task.created, task.completed, deadline.passed, escalation, emit.<topic> (a definition's emit action), a prefix such as task.* or emit.*, or * for everything
       * @example [
       *       "task.created",
       *       "emit.*"
       *     ]
       */
      topics: string[];
      /** @example Hệ thống một cửa của phường */
      description?: string | null;
      /** @default true */
      enabled: boolean;
    };
    WebhookWithSecretDto: {
      /** Format: uuid */
      id: string;
      url: string;
      topics: string[];
      description: string | null;
      enabled: boolean;
      /** @description Deliveries in a row that used all their attempts; reaching WEBHOOK_DISABLE_AFTER disables the subscription */
      consecutiveFailures: number;
      /** @description Why it is off (by an admin, or the run of failures) */
      disabledReason: string | null;
      /** Format: date-time */
      disabledAt: string | null;
      /** @description The admin who created it */
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /**
       * @description The signing secret (Standard Webhooks: whsec_ and base64). Shown in this answer only: keep it now
       * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
       */
      secret: string;
    };
    UpdateWebhookDto: {
      /** @description http or https; checked as on creation */
      url?: string;
      /** @description instance.started, instance.finished, task.created, task.completed, deadline.passed, escalation, emit.<topic> (a definition's emit action), a prefix such as task.* or emit.*, or * for everything */
      topics?: string[];
      description?: string | null;
      /** @description false turns it off; true turns it on again and clears its run of failures */
      enabled?: boolean;
    };
    WebhookPayloadDto: {
      /**
       * @description The topic
       * @example task.created
       */
      type: string;
      /**
       * Format: date-time
       * @description When it happened
       */
      timestamp: string;
      /** @description instanceId, definitionKey, seq and what the topic tells (docs/notifications.md, "Webhooks") */
      data: {
        [key: string]: unknown;
      };
    };
    WebhookAttemptDto: {
      /** @description 1 for the first; numbering goes on across manual redeliveries */
      attempt: number;
      /** Format: date-time */
      at: string;
      /** @description true for a 2xx answer */
      ok: boolean;
      /** @description The receiver's status; null when it did not answer */
      responseCode: number | null;
      /** @description Milliseconds from sending to the answer (or the failure) */
      latencyMs: number;
      /** @example HTTP 500 */
      error: string | null;
    };
    WebhookDeliveryDto: {
      /**
       * Format: uuid
       * @description Also the webhook-id header of every attempt: receivers drop a repeated one
       */
      id: string;
      topic: string;
      /** @enum {string} */
      status: 'pending' | 'delivered' | 'failed';
      attempts: number;
      lastStatusCode: number | null;
      lastError: string | null;
      /** Format: date-time */
      lastAttemptAt: string | null;
      /** Format: date-time */
      deliveredAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      instanceId: string | null;
      /** @description The body sent */
      payload: components['schemas']['WebhookPayloadDto'];
      /** @description Every attempt, oldest first */
      log: components['schemas']['WebhookAttemptDto'][];
    };
    WebhookDeliveryPageDto: {
      items: components['schemas']['WebhookDeliveryDto'][];
      nextCursor: string | null;
    };
    ProbeDto: {
      /** @enum {string} */
      status: 'up' | 'down';
      /** @description Milliseconds the probe took */
      latencyMs: number;
      /** @description Why it is down */
      error?: string;
    };
    HealthDto: {
      /** @enum {string} */
      status: 'ok';
      uptimeSeconds: number;
      database: components['schemas']['ProbeDto'];
    };
    ReadinessChecksDto: {
      database: components['schemas']['ProbeDto'];
      /** @description When the process has queues */
      queues?: components['schemas']['ProbeDto'];
    };
    ReadinessDto: {
      /** @enum {string} */
      status: 'ready';
      checks: components['schemas']['ReadinessChecksDto'];
    };
    SourceDto: {
      /** @description A workflow definition (docs/definition-format.md) */
      source: {
        [key: string]: unknown;
      };
    };
    IssueDto: {
      /**
       * @description JSON pointer
       * @example /machine/states/a/on/GO
       */
      path: string;
      /** @example unknown-target */
      code: string;
      message: string;
    };
    DefinitionCheckDto: {
      valid: boolean;
      issues: components['schemas']['IssueDto'][];
      /** @description Worth knowing, not blocking (e.g. a role no user holds) */
      warnings: components['schemas']['IssueDto'][];
    };
    PreviewDiagramDto: {
      /** @description A workflow definition (docs/definition-format.md) */
      source: {
        [key: string]: unknown;
      };
      /**
       * @default vi
       * @enum {string}
       */
      lang: 'vi' | 'en';
      /**
       * @description compound states drawn as one node, their children hidden (state paths such as xuLy.thamDinh, or keys); names the definition lacks are ignored
       * @example [
       *       "xuLy"
       *     ]
       */
      collapse?: string[];
      /** @description states nested deeper than this are folded into their ancestor at this depth (1: top-level states only) */
      depth?: number;
    };
    StartableByDto: {
      roles: string[];
      units?: string[];
    };
    DraftDto: {
      /** Format: uuid */
      id: string;
      /** @example example-document-approval */
      key: string;
      version: number;
      /** @enum {string} */
      status: 'draft' | 'published' | 'retired';
      title: components['schemas']['LocalizedText'];
      /** @description SHA-256 of the canonical source */
      checksum: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      publishedAt: string | null;
      /** @description Who may start a case; null: anyone signed in */
      startableBy: components['schemas']['StartableByDto'] | null;
      /** @description The workflow definition (docs/definition-format.md) */
      source: {
        [key: string]: unknown;
      };
      check: components['schemas']['DefinitionCheckDto'];
    };
    RunningVersionDto: {
      version: number;
      /** @enum {string} */
      status: 'published' | 'retired';
      runningInstances: number;
    };
    PublishedDefinitionDto: {
      /** Format: uuid */
      id: string;
      /** @example example-document-approval */
      key: string;
      version: number;
      /** @enum {string} */
      status: 'draft' | 'published' | 'retired';
      title: components['schemas']['LocalizedText'];
      /** @description SHA-256 of the canonical source */
      checksum: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      publishedAt: string | null;
      /** @description Who may start a case; null: anyone signed in */
      startableBy: components['schemas']['StartableByDto'] | null;
      runningOnOlder: components['schemas']['RunningVersionDto'][];
    };
    RetiredDefinitionDto: {
      /** Format: uuid */
      id: string;
      /** @example example-document-approval */
      key: string;
      version: number;
      /** @enum {string} */
      status: 'draft' | 'published' | 'retired';
      title: components['schemas']['LocalizedText'];
      /** @description SHA-256 of the canonical source */
      checksum: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      publishedAt: string | null;
      /** @description Who may start a case; null: anyone signed in */
      startableBy: components['schemas']['StartableByDto'] | null;
      /** @description Instances still running on this version */
      runningInstances: number;
    };
    JsonChangeDto: {
      /** @description JSON pointer */
      path: string;
      /** @enum {string} */
      kind: 'added' | 'removed' | 'changed';
      /** @description any JSON value (null included) */
      from?:
        | string
        | number
        | boolean
        | ({
            [key: string]: unknown;
          } | null)
        | unknown[];
      /** @description any JSON value (null included) */
      to?:
        | string
        | number
        | boolean
        | ({
            [key: string]: unknown;
          } | null)
        | unknown[];
    };
    DefinitionDiffDto: {
      key: string;
      from: number;
      to: number;
      changes: components['schemas']['JsonChangeDto'][];
    };
    RolesInUnitsDto: {
      roles: string[];
      units: string[];
    };
    PathStepSenderDto: {
      roles: string[];
      units: string[];
      /** @description The state whose open task the event answers */
      task?: string;
    };
    PathStepDto: {
      event: string;
      payload?: {
        [key: string]: unknown;
      };
      /** @description Active leaf state paths after the step */
      to: string[];
      /** @description Set when the step needed another actor (separation of duties) */
      actorId?: string;
      /** @description Set when the step needed an actor without some role or unit (a branch for whoever lacks it): the roles and units it acted with */
      as?: components['schemas']['RolesInUnitsDto'];
      /** @description Who may send it in a real case: the candidates of the task it answers, or the event's sentBy; absent when anyone may, or the engine sends it */
      by?: components['schemas']['PathStepSenderDto'];
    };
    WorkflowPathDto: {
      steps: components['schemas']['PathStepDto'][];
      end: string[];
      done: boolean;
      /** @description The start input of this path, when it is not the report's */
      input?: {
        [key: string]: unknown;
      };
    };
    UncoveredReasonDto: {
      /** @description The state path, or the transition ("source --EVENT--> target") */
      item: string;
      /** @enum {string} */
      code:
        | 'input_never_valid'
        | 'no_path'
        | 'parent_not_reached'
        | 'source_not_reached'
        | 'guard_never_true'
        | 'guard_outside_form'
        | 'earlier_transition'
        | 'payload_never_valid'
        | 'never_done'
        | 'deadline_only'
        | 'bound'
        | 'not_taken';
      /**
       * @description Why, in English
       * @example guard compare(payload.soNguoi > 200) was never true with the sampled payloads
       */
      reason: string;
      /**
       * @description The guard (or its parts) that never held
       * @example compare(payload.soNguoi > 200)
       */
      guard?: string;
      /** @description For a state, the transition into it the reason is about; for a transition, the earlier one taken instead, or its source state */
      via?: string;
      /** @description The deadline event, or the event whose form refuses the sampled payloads */
      event?: string;
      /** @description The form's objection to the payloads (or start input) aimed at the guard */
      issue?: components['schemas']['IssueDto'];
    };
    CoverageDto: {
      covered: string[];
      uncovered: string[];
      ratio: number;
      /** @description One per uncovered item, in the same order: why it was never reached */
      reasons: components['schemas']['UncoveredReasonDto'][];
    };
    DeadEndDto: {
      state: string[];
      steps: components['schemas']['PathStepDto'][];
    };
    PathReportDto: {
      /** @description The start input the paths and shortest paths start from (absent when no sampled input is accepted) */
      input?: {
        [key: string]: unknown;
      };
      paths: components['schemas']['WorkflowPathDto'][];
      /** @description State path -> shortest path reaching it */
      shortest: {
        [key: string]: components['schemas']['PathStepDto'][];
      };
      /** @description State path -> the start input of its shortest path, for states only another input than `input` reaches */
      shortestInput: {
        [key: string]: {
          [key: string]: unknown;
        };
      };
      stateCoverage: components['schemas']['CoverageDto'];
      transitionCoverage: components['schemas']['CoverageDto'];
      deadEnds: components['schemas']['DeadEndDto'][];
    };
    DryRunPersonaDto: {
      /**
       * @description roles held (in each of `units`, or in every unit the definition names)
       * @example [
       *       "chu-tich"
       *     ]
       */
      roles?: string[];
      /**
       * @example [
       *       "ubnd"
       *     ]
       */
      units?: string[];
      /** @description the simulated person (separation of duties tells people apart by it); default from the roles and units */
      id?: string;
      /**
       * @description a user: their roles and units
       * @example chu-tich-1
       */
      user?: string;
    };
    DryRunStepDto: {
      /** @example TRINH */
      type: string;
      payload?: {
        [key: string]: unknown;
      };
      /** @description simulated time of the step; default: an hour after the previous one, or when its deadline falls due for a deadline's event */
      at?: string;
      /** @description who takes the step (then a real case's rules apply); default: the `as` of the run, else the caller */
      as?: components['schemas']['DryRunPersonaDto'];
    };
    DryRunDto: {
      /** @description the start input */
      input?: {
        [key: string]: unknown;
      };
      /** @description simulated start time */
      startAt?: string;
      /** @description who starts the case and takes the steps that name no one; default: the caller */
      as?: components['schemas']['DryRunPersonaDto'];
      steps: components['schemas']['DryRunStepDto'][];
    };
    DryRunErrorDto: {
      code: string;
      message: string;
      allowedEvents?: string[];
      issues?: components['schemas']['IssueDto'][];
    };
    DryRunActorDto: {
      roles: string[];
      units: string[];
      /** @description The id the engine saw (a username, or the simulated person) */
      id: string;
      /** @description Set when the step was taken as a named user */
      user?: string;
    };
    DryRunAnsweredTaskDto: {
      roles: string[];
      units: string[];
      state: string;
      /** @description Whether the actor is one of its candidates */
      candidate: boolean;
    };
    DryRunTaskDto: {
      roles: string[];
      units: string[];
      state: string;
      title: components['schemas']['LocalizedText'];
      /** @enum {string} */
      priority: 'low' | 'normal' | 'high' | 'urgent';
      outcomes: string[];
      /**
       * Format: date-time
       * @description The nearest deadline running on its state, on the working calendar
       */
      dueAt: string | null;
      /**
       * Format: date
       * @description The limit's last day (Vietnam), for day-counted limits
       */
      dueDate: string | null;
    };
    DryRunTasksDto: {
      /** @description Opened by the step */
      opened: components['schemas']['DryRunTaskDto'][];
      /** @description States whose task the step closed */
      closed: string[];
      /** @description Open after the step */
      open: components['schemas']['DryRunTaskDto'][];
    };
    DryRunReminderDto: {
      /** Format: date-time */
      at: string;
      /** @description Who is reminded: the task's candidate roles */
      roles: string[];
      message?: components['schemas']['LocalizedText'];
    };
    DryRunNotifyDto: {
      roles: string[];
      users: string[];
      message: components['schemas']['LocalizedText'];
    };
    DryRunEscalationDto: {
      /** Format: date-time */
      at: string;
      /** @enum {string} */
      priority?: 'low' | 'normal' | 'high' | 'urgent';
      addRoles: string[];
      notify?: components['schemas']['DryRunNotifyDto'];
    };
    DryRunDeadlineDto: {
      key: string;
      state: string;
      label?: components['schemas']['LocalizedText'];
      /** @description What it counts from */
      startAt: string;
      /** Format: date-time */
      dueAt: string;
      /** Format: date */
      dueDate: string | null;
      /** @description The event sent when it falls due */
      event?: string;
      reminders: components['schemas']['DryRunReminderDto'][];
      escalation?: components['schemas']['DryRunEscalationDto'];
    };
    DryRunExtendedDto: {
      key: string;
      /** Format: date-time */
      dueAt: string;
      /** Format: date */
      dueDate: string | null;
    };
    DryRunDeadlinesDto: {
      armed: components['schemas']['DryRunDeadlineDto'][];
      cancelled: string[];
      extended: components['schemas']['DryRunExtendedDto'][];
    };
    DryRunNotificationDto: {
      roles: string[];
      units: string[];
      /** @enum {string} */
      kind: 'task-assigned' | 'message' | 'escalation';
      users: string[];
      title: components['schemas']['LocalizedText'];
      state?: string;
    };
    DryRunWarningDto: {
      /** @example not_allowed */
      code: string;
      message: string;
    };
    DryRunStepResultDto: {
      event: string;
      ok: boolean;
      error?: components['schemas']['DryRunErrorDto'];
      /** @description XState's state value: a string, or an object for nested and parallel states */
      state:
        | string
        | {
            [key: string]: unknown;
          };
      activeStates: string[];
      context: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      status: 'active' | 'done';
      effects: ({
        type: string;
      } & {
        [key: string]: unknown;
      })[];
      /** Format: date-time */
      at: string;
      /** @description Who took the step */
      actor: components['schemas']['DryRunActorDto'];
      /** @description The open task the event answers */
      answers?: components['schemas']['DryRunAnsweredTaskDto'];
      /** @description The deadline that fell due with this step (its event) */
      firesDeadline?: string;
      tasks: components['schemas']['DryRunTasksDto'];
      deadlines: components['schemas']['DryRunDeadlinesDto'];
      notifications: components['schemas']['DryRunNotificationDto'][];
      /** @description E.g. a real case would refuse the step (the caller is not a candidate) */
      warnings: components['schemas']['DryRunWarningDto'][];
    };
    DryRunResultDto: {
      key: string;
      version: number;
      steps: components['schemas']['DryRunStepResultDto'][];
    };
    MigrationPlanDto: {
      definitionKey: string;
      fromVersion: number;
      toVersion: number;
      stateMap?: {
        [key: string]: string;
      };
      instanceIds?: string[];
      keepClaims?: boolean;
      keepDeadlineStarts?: boolean;
    };
    MigrationTaskChangeDto: {
      state: string;
      /** @enum {string} */
      change: 'kept' | 'closed' | 'opened';
      assignee?: string | null;
      /** @description Why a claimed task is not kept */
      note?: string;
    };
    MigrationDeadlineChangeDto: {
      key: string;
      state: string;
      /** @enum {string} */
      change: 'kept' | 'restarted' | 'armed' | 'cancelled' | 'passed';
      startAt?: string;
      /** Format: date-time */
      dueAt?: string;
      /** Format: date-time */
      previousDueAt?: string;
    };
    MigrationVerdictDto: {
      /** Format: uuid */
      instanceId: string;
      businessKey: string | null;
      from: string[];
      to: string[] | null;
      movable: boolean;
      reason?: string;
      /** @description For a case that can move: its tasks kept (with the claim), closed or opened */
      tasks?: components['schemas']['MigrationTaskChangeDto'][];
      /** @description For a case that can move: its deadlines kept, restarted, armed, cancelled or left passed */
      deadlines?: components['schemas']['MigrationDeadlineChangeDto'][];
    };
    MigrationDryRunDto: {
      plan: components['schemas']['MigrationPlanDto'];
      instances: components['schemas']['MigrationVerdictDto'][];
      movable: number;
      blocked: number;
    };
    MigrationResultDto: {
      /** @description Ids of the instances moved */
      moved: string[];
      blocked: components['schemas']['MigrationVerdictDto'][];
    };
    MigrationDto: {
      fromVersion: number;
      toVersion: number;
      /**
       * @example {
       *       "xemXet": "thamDinh"
       *     }
       */
      stateMap?: {
        [key: string]: string;
      };
      instanceIds?: string[];
      /**
       * @description Keep an open task with its claim where its state and the task are the same in the new version
       * @default true
       */
      keepClaims: boolean;
      /**
       * @description Count a deadline whose state stays from when it started (extensions kept), not from the migration
       * @default true
       */
      keepDeadlineStarts: boolean;
      /** @default false */
      dryRun: boolean;
    };
    DefinitionLatestDto: {
      /** Format: uuid */
      id: string;
      /** @example example-document-approval */
      key: string;
      version: number;
      /** @enum {string} */
      status: 'draft' | 'published' | 'retired';
      title: components['schemas']['LocalizedText'];
      /** @description SHA-256 of the canonical source */
      checksum: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      publishedAt: string | null;
      /** @description Who may start a case; null: anyone signed in */
      startableBy: components['schemas']['StartableByDto'] | null;
      /** @description How many versions the key has */
      versions: number;
      /** @description The roles this version names (its source's `roles`), with their labels: what a page needs to name roles without fetching every source */
      roles: {
        [key: string]: components['schemas']['LocalizedText'];
      };
    };
    DefinitionLatestListDto: {
      items: components['schemas']['DefinitionLatestDto'][];
    };
    DefinitionSummaryDto: {
      /** Format: uuid */
      id: string;
      /** @example example-document-approval */
      key: string;
      version: number;
      /** @enum {string} */
      status: 'draft' | 'published' | 'retired';
      title: components['schemas']['LocalizedText'];
      /** @description SHA-256 of the canonical source */
      checksum: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      publishedAt: string | null;
      /** @description Who may start a case; null: anyone signed in */
      startableBy: components['schemas']['StartableByDto'] | null;
    };
    DefinitionVersionListDto: {
      items: components['schemas']['DefinitionSummaryDto'][];
    };
    DefinitionVersionDto: {
      /** Format: uuid */
      id: string;
      /** @example example-document-approval */
      key: string;
      version: number;
      /** @enum {string} */
      status: 'draft' | 'published' | 'retired';
      title: components['schemas']['LocalizedText'];
      /** @description SHA-256 of the canonical source */
      checksum: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      publishedAt: string | null;
      /** @description Who may start a case; null: anyone signed in */
      startableBy: components['schemas']['StartableByDto'] | null;
      /** @description The workflow definition (docs/definition-format.md) */
      source: {
        [key: string]: unknown;
      };
    };
    CreateInstanceDto: {
      /**
       * @description Key of a published workflow definition
       * @example example-leave-request
       */
      definitionKey: string;
      /** @description A published version; the newest when omitted */
      version?: number;
      /**
       * @description Unique per definition, e.g. a dossier code
       * @example KN-2026-0001
       */
      businessKey?: string;
      /** @description Validated against the definition's inputSchema */
      input?: {
        [key: string]: unknown;
      };
      /**
       * @description Take the case's first tasks that the caller may do (assigned to them at the start), as a clerk who registers a letter goes on to record it. The web app's new-case form sends true.
       * @default false
       */
      claimFirstTask: boolean;
    };
    InstancePageDto: {
      items: components['schemas']['InstanceDto'][];
      /** @description Pass as cursor for the next page */
      nextCursor: string | null;
    };
    OverrideDto: {
      /** @example Trưởng phòng nghỉ ốm; Chủ tịch giao xử lý thay */
      reason: string;
    };
    SendEventDto: {
      /** @example SUBMIT */
      type: string;
      /** @description Validated against the event's form schema */
      payload?: {
        [key: string]: unknown;
      };
      /** @description Refuse (409) unless the instance is still at this revision; If-Match does the same */
      expectedRevision?: number;
      /** @description Why: recorded in the history row */
      comment?: string;
      /** @description Admins only: send an event that belongs to a task or a role the admin does not hold; the reason is recorded in the history row and the audit trail */
      override?: components['schemas']['OverrideDto'];
    };
    TaskListDto: {
      items: components['schemas']['TaskDto'][];
    };
    TimerDto: {
      /** Format: uuid */
      id: string;
      state: string;
      deadlineKey: string;
      /** @enum {string} */
      kind: 'deadline' | 'reminder';
      /** Format: date-time */
      fireAt: string;
      /** @enum {string} */
      status: 'pending' | 'fired' | 'cancelled';
      generation: number;
      armedSeq: number;
      firedSeq: number | null;
      /** Format: date-time */
      firedAt: string | null;
      /** Format: date-time */
      cancelledAt: string | null;
    };
    TimerListDto: {
      items: components['schemas']['TimerDto'][];
    };
    HistoryEventDto: {
      /** @example TRINH */
      type: string;
      /** @description The form as sent; a confidential field the caller may not read holds "[giữ bí mật]" */
      payload: {
        [key: string]: unknown;
      } | null;
    };
    ScheduledStartDto: {
      /** @example citizen-reception */
      definition: string;
      /** @example tiep-dan-chu-tich */
      key: string;
      /**
       * Format: date-time
       * @description The occurrence the schedule names (the business key follows it)
       */
      occurrence: string;
      /**
       * Format: date
       * @description The occurrence fell on a day off: the day it was due
       */
      movedFrom?: string;
      /**
       * Format: date
       * @description The working day it was started on instead
       */
      movedTo?: string;
      /** @description Why that day was off */
      reason?: components['schemas']['LocalizedText'];
    };
    ActorDto: {
      id: string;
      roles: string[];
      units: string[];
      /** @description A start made by a schedule: which occurrence, and whether a day off moved it */
      schedule?: components['schemas']['ScheduledStartDto'];
    };
    HistoryRowDto: {
      seq: number;
      event: components['schemas']['HistoryEventDto'];
      actor: components['schemas']['ActorDto'];
      /** @description XState's state value: a string, or an object for nested and parallel states */
      from:
        | string
        | ({
            [key: string]: unknown;
          } | null);
      /** @description XState's state value: a string, or an object for nested and parallel states */
      to:
        | string
        | {
            [key: string]: unknown;
          };
      /** Format: date-time */
      at: string;
      requestId: string | null;
      idempotencyKey: string | null;
      comment: string | null;
      /** @description Parent/child links: children started, parent of a first row, child reported */
      links?: {
        [key: string]: unknown;
      };
      /** @description SHA-256 of the previous row (zeros for row 1) */
      prevHash: string;
      hash: string;
    };
    HistoryPageDto: {
      items: components['schemas']['HistoryRowDto'][];
      /** @description Pass as afterSeq for the next page */
      nextAfterSeq: number | null;
    };
    UploadFileDto: {
      /**
       * Format: binary
       * @description The document: PDF, DOCX, XLSX, ODT, JPEG, PNG or TIFF (decided by its bytes), at most FILE_MAX_BYTES
       */
      file: string;
    };
    FileDto: {
      /**
       * Format: uuid
       * @description Give it in a file field of an event payload to attach it
       */
      id: string;
      /**
       * @description SHA-256 of the bytes (hex)
       * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
       */
      sha256: string;
      /** @description Bytes */
      size: number;
      /**
       * @description Decided from the bytes, not the name
       * @example application/pdf
       */
      contentType: string;
      /**
       * @description The name as sent, sanitised (no path, no control characters, NFC)
       * @example Đơn khiếu nại.pdf
       */
      name: string;
      /** @description Username of the uploader */
      uploadedBy: string;
      /** Format: date-time */
      uploadedAt: string;
      /**
       * Format: uuid
       * @description The case it is attached to (absent while unbound)
       */
      instanceId?: string;
      /** @description The history row that attached it */
      seq?: number;
      /** @description The state (step) it was attached in */
      state?: string;
      /** @description The event that attached it */
      event?: string;
      /** @description The payload field (JSON pointer) that named it */
      field?: string;
      /** Format: date-time */
      boundAt?: string;
      /**
       * Format: date-time
       * @description When an unbound upload is removed
       */
      expiresAt?: string;
    };
    FileTypeDto: {
      /** @example application/pdf */
      contentType: string;
      /** @example PDF */
      label: string;
      /**
       * @example [
       *       ".pdf"
       *     ]
       */
      extensions: string[];
    };
    FileLimitsDto: {
      /** @description FILE_MAX_BYTES: the largest upload accepted */
      maxBytes: number;
      /** @description What an upload may be (decided by its bytes) */
      types: components['schemas']['FileTypeDto'][];
    };
    FileListDto: {
      items: components['schemas']['FileDto'][];
    };
    DocumentFileDto: {
      /**
       * Format: uuid
       * @description Download it from GET /files/{id}/content
       */
      fileId: string;
      /** @description SHA-256 of the bytes (hex) */
      sha256: string;
      /** @description Bytes */
      size: number;
    };
    DocumentDto: {
      /** Format: uuid */
      id: string;
      /**
       * @description The document's key in the definition
       * @example quyet-dinh-giai-quyet
       */
      key: string;
      title: components['schemas']['LocalizedText'];
      /**
       * @description Số and ký hiệu, from the register (gap-free per series, issuing body and year)
       * @example 01/QĐ-UBND
       */
      number: string;
      /** @description The history row that recorded its number and digest */
      seq: number;
      /** @description The step (state) that issued it */
      state: string;
      /** @description The event that issued it */
      event: string;
      /** Format: date-time */
      issuedAt: string;
      /** @description The DOCX, as issued */
      docx: components['schemas']['DocumentFileDto'];
      /** @description The PDF rendition; null while pending or when none can be made */
      pdf: components['schemas']['DocumentFileDto'] | null;
      /**
       * @description pending: made shortly after the step; unavailable: LibreOffice is not installed; failed: three attempts failed
       * @enum {string}
       */
      pdfStatus: 'pending' | 'done' | 'unavailable' | 'failed';
      /**
       * @description Why there is no PDF (unavailable or failed)
       * @example soffice not installed
       */
      pdfUnavailable: string | null;
    };
    DocumentListDto: {
      items: components['schemas']['DocumentDto'][];
    };
    AnnouncementSourceDto: {
      /**
       * @description Number and symbol of the document as issued
       * @example Thông báo số 9441/TB-BNV
       */
      document: string;
      /**
       * Format: date
       * @description The date it was signed
       * @example 2025-10-16
       */
      date: string;
      /** @example Bộ Nội vụ thông báo lịch nghỉ Tết Âm lịch và Quốc khánh năm 2026 … */
      vi: string;
      /** @example Ministry of Home Affairs: Tết and National Day 2026 … */
      en: string;
    };
    HolidayDto: {
      /** Format: date */
      date: string;
      name: components['schemas']['LocalizedText'];
      /**
       * @description `swapped`: a working day given off in exchange for a Saturday worked (hoán đổi ngày làm việc), see `swappedWith`
       * @enum {string}
       */
      kind: 'holiday' | 'compensatory' | 'swapped' | 'override';
      /**
       * @description `announced`: as the government announced it for that year (see `source`); `estimated`: worked out by the rule of the Labour Code, for a year or holiday no announcement covers (the government may still decide otherwise); `override`: an admin override
       * @enum {string}
       */
      basis: 'announced' | 'estimated' | 'override';
      /**
       * @description The holiday this day belongs to (absent for an override)
       * @enum {string}
       */
      occasion?: 'new-year' | 'tet' | 'hung-kings' | 'reunification-labour' | 'national-day';
      /**
       * Format: date
       * @description The holiday a compensatory day makes up for
       */
      compensatesFor?: string;
      /**
       * Format: date
       * @description For a swapped day off: the Saturday worked in its place
       */
      swappedWith?: string;
      /** @description For an announced day: the document */
      source?: components['schemas']['AnnouncementSourceDto'];
    };
    CalendarWorkingDayDto: {
      /** Format: date */
      date: string;
      name: components['schemas']['LocalizedText'];
      /**
       * @description `announced`: worked in exchange for a swapped day off (làm bù), see `replaces`; `override`: an admin override
       * @enum {string}
       */
      basis: 'announced' | 'override';
      /** @enum {string} */
      occasion?: 'new-year' | 'tet' | 'hung-kings' | 'reunification-labour' | 'national-day';
      /**
       * Format: date
       * @description The swapped day off this day is worked for
       */
      replaces?: string;
      source?: components['schemas']['AnnouncementSourceDto'];
    };
    YearAnnouncementDto: {
      occasions: ('new-year' | 'tet' | 'hung-kings' | 'reunification-labour' | 'national-day')[];
      source: components['schemas']['AnnouncementSourceDto'];
    };
    HolidaysDto: {
      year: number;
      holidays: components['schemas']['HolidayDto'][];
      /** @description Weekend days (or holidays) that are working days: Saturdays worked in exchange (làm bù), working-day overrides */
      workingDays: components['schemas']['CalendarWorkingDayDto'][];
      /** @description The government's announcements this year's days follow; empty: every day is estimated by the rule */
      announcements: components['schemas']['YearAnnouncementDto'][];
    };
    WorkingDateDto: {
      /** Format: date */
      date: string;
    };
    CalendarOverrideDto: {
      /** Format: date */
      date: string;
      /** @enum {string} */
      kind: 'day-off' | 'working-day';
      name: components['schemas']['LocalizedText'] | null;
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
    };
    CalendarOverrideListDto: {
      items: components['schemas']['CalendarOverrideDto'][];
    };
    SetOverrideDto: {
      /** @enum {string} */
      kind: 'day-off' | 'working-day';
      name?: components['schemas']['LabelDto'];
    };
    ReportPeriodDto: {
      /** @example 2026-H1 */
      key: string;
      /** Format: date */
      from: string;
      /** Format: date */
      to: string;
      /** Format: date-time */
      fromAt: string;
      /** Format: date-time */
      toAt: string;
    };
    OutcomeCountDto: {
      value: string;
      label?: components['schemas']['LocalizedText'];
      count: number;
      /** @description The final state */
      state: string;
    };
    LabelledCountDto: {
      value: string;
      label?: components['schemas']['LocalizedText'];
      count: number;
    };
    BreakdownDto: {
      key: string;
      label: components['schemas']['LocalizedText'];
      items: components['schemas']['LabelledCountDto'][];
    };
    CounterDto: {
      key: string;
      label: components['schemas']['LocalizedText'];
      count: number;
    };
    WorkflowFiguresDto: {
      key: string;
      title: components['schemas']['LocalizedText'];
      received: number;
      carriedOver: number;
      resolved: number;
      resolvedOnTime: number;
      resolvedLate: number;
      openAtEnd: number;
      overdueNow: number;
      outcomes: components['schemas']['OutcomeCountDto'][];
      breakdowns: components['schemas']['BreakdownDto'][];
      counters: components['schemas']['CounterDto'][];
    };
    CitizenCaseFiguresDto: {
      workflows: string[];
      received: number;
      carriedOver: number;
      toHandle: number;
      resolved: number;
      resolvedOnTime: number;
      resolvedLate: number;
      inProgress: number;
      overdueNow: number;
    };
    DanVanKheoFiguresDto: {
      campaigns: number;
      modelsRegistered: number;
      recognised: number;
      proposed: number;
    };
    TrendMonthDto: {
      /** @example 2026-01 */
      month: string;
      received: number;
      resolved: number;
      resolvedLate: number;
    };
    LedgerCheckpointDto: {
      /** @description The ledger entry the checkpoint signs (a number, as text) */
      gseq: string;
      chainHash: string;
      /** Format: date-time */
      at: string;
      /** @description `<gseq>:<chainHash>`: archive it with the papers; `phoihop audit verify --digest` checks a database against it */
      digest: string;
    };
    ProgramReportDto: {
      period: components['schemas']['ReportPeriodDto'];
      /** Format: date-time */
      generatedAt: string;
      workflows: components['schemas']['WorkflowFiguresDto'][];
      citizenCases: components['schemas']['CitizenCaseFiguresDto'];
      danVanKheo: components['schemas']['DanVanKheoFiguresDto'];
      trend: components['schemas']['TrendMonthDto'][];
      /** @description The latest signed checkpoint of the audit ledger (null before the first seal) */
      ledgerCheckpoint: components['schemas']['LedgerCheckpointDto'] | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  AuditController_history: {
    parameters: {
      query?: {
        /** @description username */
        actor?: string;
        /** @description a unit the actor acted in */
        unit?: string;
        definitionKey?: string;
        eventType?: string;
        businessKey?: string;
        /** @description ISO instant, inclusive */
        from?: string;
        /** @description ISO instant, exclusive */
        to?: string;
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of transitions, in global order */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPageDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuditController_log: {
    parameters: {
      query?: {
        actor?: string;
        action?: string;
        /** @description a subject id, or a definition key (its entries for every version, `key@N`) */
        subject?: string;
        from?: string;
        to?: string;
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of audit log entries */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditLogPageDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuditController_export: {
    parameters: {
      query?: {
        /** @description username */
        actor?: string;
        /** @description a unit the actor acted in */
        unit?: string;
        definitionKey?: string;
        eventType?: string;
        businessKey?: string;
        /** @description ISO instant, inclusive */
        from?: string;
        /** @description ISO instant, exclusive */
        to?: string;
        format?: 'ndjson' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every transition of the search (format=ndjson, the default, or csv) */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description attachment; filename="…" */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/x-ndjson': string;
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuditController_verify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ok, or the first broken entry and why */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LedgerVerificationDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuditController_seal: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description How many entries were added, and the head of the ledger */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SealResultDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuditController_verifyInstance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ok, or the first broken row and why */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceVerificationDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuditController_stateAt: {
    parameters: {
      query?: {
        /** @description ISO instant */
        at?: string;
        /** @description history seq */
        seq?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The state and context after that row */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StateAtDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      /** @description Signed in */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description phoihop_refresh=<refresh token>; HttpOnly; SameSite=Strict; Path=/api/v1/auth; Max-Age=<session lifetime> (Secure over HTTPS): send it back to POST /auth/refresh */
          'Set-Cookie'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccessTokenDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A new access token; the cookie holds a new refresh token (the old one is spent) */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description phoihop_refresh=<refresh token>; HttpOnly; SameSite=Strict; Path=/api/v1/auth; Max-Age=<session lifetime> (Secure over HTTPS): send it back to POST /auth/refresh */
          'Set-Cookie'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccessTokenDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed out (also when there was no session) */
      204: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user, their memberships and units */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      /** @description Changed; a new access token (every other session ended) */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccessTokenDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_mySessions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description My running sessions, newest first */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionListDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_endMySession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ended */
      204: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_tokens: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The tokens */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiTokenListDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_createToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTokenDto'];
      };
    };
    responses: {
      /** @description The token, with its secret shown this once */
      201: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiTokenDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  SsoController_methods: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description What the sign-in page offers */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthMethodsDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  SsoController_start: {
    parameters: {
      query?: {
        /** @description A path of the web app to land on after signing in (same origin: starts with one /) */
        returnTo?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the provider (start), or back to the web app (callback; `/?sso_error=<code>` when refused) */
      302: {
        headers: {
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  SsoController_callback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the provider (start), or back to the web app (callback; `/?sso_error=<code>` when refused) */
      302: {
        headers: {
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The users */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserListDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserDto'];
      };
    };
    responses: {
      /** @description The user after the change */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_tokens: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The tokens */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiTokenListDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_revokeToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        tokenId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_userSessions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The running sessions, newest first */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionListDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_endUserSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ended */
      204: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_people: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every user's name, by user id */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PeopleDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_units: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The units */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitListDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_upsertUnit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpsertUnitDto'];
      };
    };
    responses: {
      /** @description The unit as stored */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_inbox: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        bucket?: 'mine' | 'claimable' | 'all';
        unit?: string;
        definitionKey?: string;
        priority?: 'low' | 'normal' | 'high' | 'urgent';
        overdue?: string;
        /** @description Only tasks due within N days (also the "due soon" count window; default 3) */
        dueWithinDays?: number;
        /** @description Words that find inbox tasks by their case's business key, summary or searchable fields (never a hidden one), with or without diacritics ("nguyen van a" finds "Nguyễn Văn A"); every word must occur. 2 to 200 characters, spaces aside; 400 naming q otherwise. */
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of tasks with the counts */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InboxPageDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The task */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskDetailDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_claim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Claimed */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_unclaim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Unclaimed */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_delegate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DelegateDto'];
      };
    };
    responses: {
      /** @description Delegated */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_complete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CompleteTaskDto'];
      };
    };
    responses: {
      /** @description The task and the instance after the outcome */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompletedTaskDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description EVENT_NOT_ACCEPTED, GUARD_REJECTED, INSTANCE_DONE, DEFINITION_UNSAFE, NOT_MOVABLE: not allowed now */
      422: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_comment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentDto'];
      };
    };
    responses: {
      /** @description The task with its events */
      201: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskDetailDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  NotificationsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description Only the unread ones */
        unread?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of notifications with the counts */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPageDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  NotificationsController_readAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Marked */
      204: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  NotificationsController_read: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Marked (reading it again keeps the first instant) */
      204: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  LiveStreamController_ticket: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ticket; only its hash is stored */
      201: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StreamTicketDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  LiveStreamController_stream: {
    parameters: {
      query?: {
        /** @description A ticket from POST /api/v1/me/stream/ticket (single use) */
        ticket?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The stream, open until the client leaves */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  PreferencesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description My preferences */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PreferencesDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  PreferencesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdatePreferencesDto'];
      };
    };
    responses: {
      /** @description My preferences after the change */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PreferencesDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  EmailDeliveriesController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description Only deliveries in this status (refused: the server answered 5xx; failed: attempts ran out) */
        status?: 'pending' | 'sending' | 'sent' | 'failed' | 'refused';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of deliveries */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmailDeliveryPageDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  EmailDeliveriesController_retry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Pending again; the worker sends it */
      202: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmailDeliveryDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  WebhooksController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The subscriptions */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookListDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  WebhooksController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWebhookDto'];
      };
    };
    responses: {
      /** @description Created, with its secret */
      201: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookWithSecretDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  WebhooksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The subscription */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  WebhooksController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  WebhooksController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWebhookDto'];
      };
    };
    responses: {
      /** @description The subscription after the change */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  WebhooksController_rotate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The subscription with its new secret */
      201: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookWithSecretDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  WebhooksController_deliveries: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        status?: 'pending' | 'delivered' | 'failed';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of deliveries */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryPageDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  WebhooksController_redeliver: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        deliveryId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued */
      204: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  HealthController_health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The process answers; the database probe is reported */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ready */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReadinessDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  HealthController_metrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The metrics */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_validate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SourceDto'];
      };
    };
    responses: {
      /** @description valid, every issue and warning */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DefinitionCheckDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_previewDiagram: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PreviewDiagramDto'];
      };
    };
    responses: {
      /** @description The diagram */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The workflows */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DefinitionLatestListDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_createDraft: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SourceDto'];
      };
    };
    responses: {
      /** @description The draft, with its check */
      201: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DraftDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_version: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The version with its source */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DefinitionVersionDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_updateDraft: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        version: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SourceDto'];
      };
    };
    responses: {
      /** @description The draft, with its check */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DraftDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_deleteDraft: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_publish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Published, with the older versions that still run cases */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublishedDefinitionDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description EVENT_NOT_ACCEPTED, GUARD_REJECTED, INSTANCE_DONE, DEFINITION_UNSAFE, NOT_MOVABLE: not allowed now */
      422: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_retire: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Retired, with how many instances still run on it */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RetiredDefinitionDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_diff: {
    parameters: {
      query: {
        from: number;
        to: number;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The changes */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DefinitionDiffDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_diagram: {
    parameters: {
      query?: {
        format?: 'mermaid';
        /** @description described: only guards that carry a description (the diagram people following a case read); all: every guard (admins) */
        guards?: 'all' | 'described';
        /** @description mark the current state of this instance */
        instance?: string;
        lang?: 'vi' | 'en';
        /** @description compound states drawn as one node, their children hidden (state paths such as xuLy.thamDinh, or keys); names the definition lacks are ignored; comma-separated */
        collapse?: string;
        /** @description states nested deeper than this are folded into their ancestor at this depth (1: top-level states only) */
        depth?: number;
      };
      header?: never;
      path: {
        key: string;
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The diagram */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_paths: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Paths, coverage and dead ends */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PathReportDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_dryRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        version: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DryRunDto'];
      };
    };
    responses: {
      /** @description Each step: accepted or refused, who acted, the state, context and effects after it, the tasks with their candidates and due dates, deadlines with reminders and escalations, notifications */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DryRunResultDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_migrate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MigrationDto'];
      };
    };
    responses: {
      /** @description dryRun: who can move and why not; otherwise who moved and who is blocked */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MigrationDryRunDto'] | components['schemas']['MigrationResultDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description EVENT_NOT_ACCEPTED, GUARD_REJECTED, INSTANCE_DONE, DEFINITION_UNSAFE, NOT_MOVABLE: not allowed now */
      422: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DefinitionsController_versions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The versions */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DefinitionVersionListDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InstancesController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        definitionKey?: string;
        status?: 'active' | 'done';
        /** @description A state path, e.g. review or handling.verify; matches its children too */
        state?: string;
        businessKey?: string;
        /** @description Only the child instances of this instance */
        parentId?: string;
        /** @description Only active instances with a deadline already past */
        overdue?: string;
        /** @description Words that find cases by their business key, summary or searchable fields (never a hidden one), among those the caller may see, with or without diacritics ("nguyen van a" finds "Nguyễn Văn A"); every word must occur. 2 to 200 characters, spaces aside; 400 naming q otherwise. */
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of instances */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstancePageDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InstancesController_create: {
    parameters: {
      query?: never;
      header?: {
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateInstanceDto'];
      };
    };
    responses: {
      /** @description Started (or, with a repeated Idempotency-Key, the stored answer) */
      201: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description The instance's revision, quoted ("3"); send it back as If-Match */
          ETag: string;
          /** @description true when this is the stored answer to an earlier request with the same Idempotency-Key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InstancesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The instance */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description The instance's revision, quoted ("3"); send it back as If-Match */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InstancesController_sendEvent: {
    parameters: {
      query?: never;
      header?: {
        /** @description The revision (ETag) the event expects */
        'If-Match'?: string;
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SendEventDto'];
      };
    };
    responses: {
      /** @description The instance after the event (or the stored answer of a repeated Idempotency-Key) */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description The instance's revision, quoted ("3"); send it back as If-Match */
          ETag: string;
          /** @description true when this is the stored answer to an earlier request with the same Idempotency-Key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…) */
      409: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description EVENT_NOT_ACCEPTED, GUARD_REJECTED, INSTANCE_DONE, DEFINITION_UNSAFE, NOT_MOVABLE: not allowed now */
      422: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InstancesController_tasks: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The tasks */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskListDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InstancesController_timers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The timers */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TimerListDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InstancesController_history: {
    parameters: {
      query?: {
        afterSeq?: number;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of history rows */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HistoryPageDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FilesController_upload: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': components['schemas']['UploadFileDto'];
      };
    };
    responses: {
      /** @description Stored (unbound until an event names it; removed after a day otherwise) */
      201: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FileDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FILE_TOO_LARGE: over FILE_MAX_BYTES (details.limit); nothing is stored */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FILE_TYPE_REFUSED: the bytes are not an accepted type (details.detectedType, details.accepted) */
      415: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FilesController_limits: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The size limit and accepted types, for a form to show before anything is sent */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FileLimitsDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FilesController_info: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FileDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FilesController_content: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file, checked against its digest as it streams (a changed file is cut off, never served whole) */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description attachment; filename="…" */
          'Content-Disposition'?: string;
          /** @description nosniff */
          'X-Content-Type-Options'?: string;
          /** @description The SHA-256 of the bytes, quoted */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'application/vnd.oasis.opendocument.text': string;
          'image/jpeg': string;
          'image/png': string;
          'image/tiff': string;
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InstanceFilesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The case's attachments, in the order its steps attached them */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FileListDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InstanceDocumentsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The case's generated documents, in the order its steps issued them */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DocumentListDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CalendarController_holidays: {
    parameters: {
      query: {
        year: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The days off of the year, its working weekend days and the announcements they follow */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HolidaysDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CalendarController_addWorkingDays: {
    parameters: {
      query: {
        from: string;
        days: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The date */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkingDateDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CalendarController_overrides: {
    parameters: {
      query?: {
        year?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The overrides */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarOverrideListDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CalendarController_setOverride: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        date: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetOverrideDto'];
      };
    };
    responses: {
      /** @description The override as stored */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarOverrideDto'];
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CalendarController_removeOverride: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        date: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it */
      403: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unknown, or not visible to the caller */
      404: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: a body over 1 MB */
      413: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again */
      429: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description Seconds until the limit resets */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ReportsController_program: {
    parameters: {
      query: {
        /** @description YYYY, YYYY-H1|H2, YYYY-Q1..Q4 or YYYY-MM; periods count from REPORT_PERIOD_START (15 Dec by default) */
        period: string;
        format?: 'json' | 'csv' | 'xlsx';
        /** @description Language of the CSV and XLSX headings and labels */
        lang?: 'vi' | 'en';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The report (format=json, csv or xlsx) */
      200: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          /** @description attachment; filename="…" */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProgramReportDto'];
          'text/csv': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues) */
      400: {
        headers: {
          /** @description The request's id, unless the request was refused before it got one (a malformed path, query or body) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description UNAUTHENTICATED: no, a wrong, an expired or a revoked token */
      401: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached */
      503: {
        headers: {
          /** @description The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows */
          'X-Request-Id': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
}
