/**
 * Names of the marks the create webview puts on its performance timeline, once per document:
 * constant names and their times, never a value of the form. bench/createFormInteractive.ts reads
 * them to time the form's start; the subscription listing (a catalog call) arrives after it.
 */
export const CREATE_FORM_MARKS = {
  /** The app has rendered its loading state and asked the host to start. */
  readyPosted: 'pgflex.createForm.readyPosted',
  /** The host's catalog.subscriptions arrived: the subscriptions (a catalog call) are listed. */
  subscriptionsArrived: 'pgflex.createForm.subscriptionsArrived',
  /** The form's fields are on screen and enabled; the subscriptions and what follows them still load. */
  interactive: 'pgflex.createForm.interactive',
} as const;
