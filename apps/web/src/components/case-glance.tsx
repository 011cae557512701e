// A case at a glance, wherever it is named (inbox rows, the task page, notifications, the cases
// list): its business key and the one-line summary its definition makes from its data.
import type { CaseGlance as Glance } from '../api/types.ts';

export function CaseGlance({ businessKey, summary, testId, className = '' }: Glance & { testId?: string; className?: string }) {
  if (!businessKey && !summary) return null;
  return (
    <span className={`case-glance ${className}`.trim()} data-testid={testId}>
      {businessKey ? <strong className="case-key">{businessKey}</strong> : null}
      {businessKey && summary ? <span aria-hidden="true"> · </span> : null}
      {summary ? <span className="case-summary">{summary}</span> : null}
    </span>
  );
}
