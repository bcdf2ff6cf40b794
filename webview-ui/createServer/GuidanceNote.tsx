import type { FailureGuidance } from '../../machines/flexDeployment/failureGuidance';

/**
 * Advice on what to do, with the page that helps. The webview host opens an https link's page in
 * the browser, as VS Code does for every webview.
 */
export function GuidanceNote({ guidance, id }: { guidance: FailureGuidance | undefined; id?: string }) {
  if (!guidance) return null;
  return (
    <p className="guidance" id={id}>
      {guidance.advice}
      {guidance.link ? (
        <>
          {' '}
          <a href={guidance.link.url}>{guidance.link.label}</a>
        </>
      ) : null}
    </p>
  );
}
